//! Randomized sequences of vault instructions (proptest) with invariants
//! checked after every step.
//!
//! Sim, per sequence: the vault config (written directly, epoch length 3, 8,
//! 32 or 100 slots, program fee 0, 30 or 1,000 bps), one or two vaults created
//! with the real `InitializeVault` (random deposit / withdrawal / reward fees
//! and initial deposit) over real SPL Token mints and accounts, two restaking
//! operators with their operator-vault tickets written directly and the
//! vaults' operator delegations created with the real
//! `InitializeVaultOperatorDelegation`, stakers with supported tokens (three
//! plain ones, the vault admin who is also the vault's fee wallet, and the
//! program fee wallet) and a rewarder.
//!
//! Steps: MintTo, EnqueueWithdrawal, BurnWithdrawalTicket, AddDelegation,
//! CooldownDelegation, UpdateVaultBalance, Initialize / Crank /
//! CloseVaultUpdateStateTracker (single steps, cranks in or out of order, and a
//! whole update cycle), rewards sent straight to a vault's token account, and
//! slot warps across epochs. Three steps in four first bring their vault up
//! to date when it needs it (a whole cycle before a deposit / withdrawal /
//! delegation / balance step, the tracker's creation before a crank or close),
//! so that sequences reach deep states: matured tickets, greedy allocations,
//! partial cycles recovered in a later epoch. Amounts are 0, 1, `u64::MAX`, one more than
//! available, or a random share of what is available. A fifth of the vault
//! instructions are corrupted: a signature dropped (must fail) or one account
//! swapped for another account of the world (anything may happen, within the
//! invariants).
//!
//! Checked after every step:
//! - no instruction aborts or panics (`ProgramFailedToComplete`), runs out of
//!   compute, or fails in the runtime unless corrupted;
//! - a failed step changes no account;
//! - an uncorrupted step has the outcome predicted from the original's checks
//!   (state checks in order, then the fee / exchange-rate math of
//!   `jito_vault_interface` on a copy of the vault, then the token program):
//!   success, or the exact error;
//! - per vault: its token account holds at least `tokens_deposited`; the VRT
//!   mint supply equals `vrt_supply`; the VRT of the open withdrawal tickets
//!   equals the enqueued + cooling-down + ready-to-claim buckets and sits in the
//!   tickets' token accounts; the delegated total (staked + enqueued + cooling
//!   down) is at most `tokens_deposited`; every operator delegation was last
//!   updated no earlier than the vault's last full update, and when all of them
//!   are at that epoch the vault's delegation state is exactly their sum.
//!
//! Seeded and bounded: by default 128 sequences of 1 to 120 steps with a fixed
//! seed (CI); a failure is shrunk (at most 60 s). Environment variables:
//! - `JITO_PROPTEST_CASES` (sequences, default 128),
//! - `JITO_PROPTEST_STEPS` (maximum steps per sequence, default 120),
//! - `JITO_PROPTEST_SEED` (u64, default fixed; `random` for a random seed),
//! - `JITO_PROPTEST_VERBOSE` (set: print outcome counts per instruction).
//!
//! e.g. `JITO_PROPTEST_CASES=2000 JITO_PROPTEST_STEPS=200 cargo test -p mollusk-tests --test vault_random -- --nocapture`

use std::{
    collections::BTreeMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Mutex,
    },
};

use jito_vault_interface::{
    error::VaultError,
    state::{
        AccountType, DelegationState, Vault, VaultOperatorDelegation, VaultStakerWithdrawalTicket,
        VaultUpdateStateTracker,
    },
};
use mollusk_svm::result::ProgramResult as RunResult;
use mollusk_tests::{
    mint_supply,
    negative::InstructionError,
    scenarios::restaking_roles as raw,
    scenarios::vault_roles::{self as vw, ata, err, ConfigKeys, VaultKeys, World},
    token_amount, Instruction, ProgramError, Pubkey, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
};
use proptest::{
    collection::vec,
    prelude::*,
    test_runner::{Config, RngSeed, TestCaseError, TestRunner},
};

const OPERATORS: usize = 2;
const STAKERS: usize = 3;
const STAKER_ST: u64 = 300_000_000_000_000;
const REWARDER_ST: u64 = 1_000_000_000_000_000;
const ADMIN_ST: u64 = 100_000_000_000_000;
const ST_SUPPLY: u64 = 4_000_000_000_000_000;
const REWARD_BASE: u64 = 1_000_000_000_000;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------
// Steps.
// ---------------------------------------------------------------------------

/// An amount relative to what is available.
#[derive(Clone, Copy, Debug)]
enum Amount {
    Zero,
    One,
    Max,
    /// One more than available.
    Over,
    /// `permille / 1000` of what is available.
    Share(u16),
}

impl Amount {
    fn of(self, available: u64) -> u64 {
        match self {
            Amount::Zero => 0,
            Amount::One => 1,
            Amount::Max => u64::MAX,
            Amount::Over => available.saturating_add(1),
            Amount::Share(p) => (available as u128 * p as u128 / 1000) as u64,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Action {
    /// Warp `permille / 400` of an epoch forward (at least one slot).
    Warp(u16),
    Mint {
        vault: u8,
        staker: u8,
        amount: Amount,
        min_out: bool,
    },
    Enqueue {
        vault: u8,
        staker: u8,
        amount: Amount,
    },
    Burn {
        vault: u8,
        pick: u8,
    },
    Add {
        vault: u8,
        operator: u8,
        amount: Amount,
    },
    Cooldown {
        vault: u8,
        operator: u8,
        amount: Amount,
    },
    UpdateBalance {
        vault: u8,
    },
    Reward {
        vault: u8,
        amount: Amount,
    },
    InitTracker {
        vault: u8,
    },
    /// `next`: the operator the tracker expects; else operator `operator`.
    Crank {
        vault: u8,
        operator: u8,
        next: bool,
    },
    /// Among the vault's open trackers (oldest first); none open: the current epoch's address.
    CloseTracker {
        vault: u8,
        pick: u8,
    },
    /// Init, every crank in order, close.
    FullUpdate {
        vault: u8,
    },
}

#[derive(Clone, Copy, Debug)]
enum Corruption {
    /// The `k`-th signer no longer signs (must fail).
    DropSignature(u8),
    /// Account meta `at` points to world account `with` (same flags).
    Swap { at: u8, with: u8 },
}

#[derive(Clone, Copy, Debug)]
struct Step {
    action: Action,
    corruption: Option<Corruption>,
    /// Before a deposit / withdrawal / delegation / balance step, bring the
    /// vault up to date (a full update cycle) if it needs it.
    fresh: bool,
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        1 => Just(Amount::Zero),
        1 => Just(Amount::One),
        1 => Just(Amount::Max),
        1 => Just(Amount::Over),
        12 => (1u16..=1000).prop_map(Amount::Share),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let v = 0u8..2;
    prop_oneof![
        6 => (1u16..=1000).prop_map(Action::Warp),
        8 => (v.clone(), 0u8..5, amount(), any::<bool>())
            .prop_map(|(vault, staker, amount, min_out)| Action::Mint { vault, staker, amount, min_out }),
        5 => (v.clone(), 0u8..5, amount()).prop_map(|(vault, staker, amount)| Action::Enqueue { vault, staker, amount }),
        5 => (v.clone(), any::<u8>()).prop_map(|(vault, pick)| Action::Burn { vault, pick }),
        5 => (v.clone(), 0u8..2, amount()).prop_map(|(vault, operator, amount)| Action::Add { vault, operator, amount }),
        3 => (v.clone(), 0u8..2, amount()).prop_map(|(vault, operator, amount)| Action::Cooldown { vault, operator, amount }),
        3 => v.clone().prop_map(|vault| Action::UpdateBalance { vault }),
        3 => (v.clone(), amount()).prop_map(|(vault, amount)| Action::Reward { vault, amount }),
        2 => v.clone().prop_map(|vault| Action::InitTracker { vault }),
        3 => (v.clone(), 0u8..2, any::<bool>()).prop_map(|(vault, operator, next)| Action::Crank { vault, operator, next }),
        2 => (v.clone(), any::<u8>()).prop_map(|(vault, pick)| Action::CloseTracker { vault, pick }),
        5 => v.prop_map(|vault| Action::FullUpdate { vault }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let corruption = prop_oneof![
        8 => Just(None),
        1 => any::<u8>().prop_map(|k| Some(Corruption::DropSignature(k))),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(at, with)| Some(Corruption::Swap { at, with })),
    ];
    let fresh = prop_oneof![3 => Just(true), 1 => Just(false)];
    (action(), corruption, fresh).prop_map(|(action, corruption, fresh)| Step {
        action,
        corruption,
        fresh,
    })
}

/// Per-sequence world parameters.
#[derive(Clone, Copy, Debug)]
struct Params {
    epoch_length: u64,
    start_slot: u64,
    program_fee_bps: u16,
    vaults: usize,
    fees: [(u16, u16, u16); 2],
    initial: [u64; 2],
}

fn params() -> impl Strategy<Value = Params> {
    let fees = (
        prop_oneof![Just(0u16), Just(10), Just(100), Just(2_000)],
        prop_oneof![Just(0u16), Just(10), Just(100), Just(2_000)],
        prop_oneof![Just(0u16), Just(30), Just(1_000), Just(10_000)],
    );
    (
        prop_oneof![1 => Just(3u64), 2 => Just(8u64), 3 => Just(32u64), 2 => Just(100u64)],
        prop_oneof![Just(0u64), Just(1_000u64)],
        prop_oneof![Just(0u16), Just(30), Just(1_000)],
        1usize..=2,
        [fees.clone(), fees],
        [
            prop_oneof![Just(1u64), Just(1_000), Just(1_000_000_000)],
            prop_oneof![Just(1u64), Just(1_000), Just(1_000_000_000)],
        ],
    )
        .prop_map(
            |(epoch_length, start_slot, program_fee_bps, vaults, fees, initial)| Params {
                epoch_length,
                start_slot,
                program_fee_bps,
                vaults,
                fees,
                initial,
            },
        )
}

// ---------------------------------------------------------------------------
// Sim.
// ---------------------------------------------------------------------------

struct Keys {
    config: ConfigKeys,
    vaults: Vec<VaultKeys>,
    operators: Vec<raw::OperatorKeys>,
    stakers: Vec<Pubkey>,
    rewarder: Pubkey,
    payer: Pubkey,
}

impl Keys {
    fn new() -> Self {
        Self {
            config: ConfigKeys::new(),
            vaults: (0..2).map(VaultKeys::new).collect(),
            operators: (0..OPERATORS as u8).map(raw::OperatorKeys::new).collect(),
            stakers: (0..STAKERS as u8).map(|s| vw::key(0x50, s)).collect(),
            rewarder: vw::key(0x50, 9),
            payer: vw::key(0x53, 0),
        }
    }

    fn delegation(&self, v: usize, o: usize) -> Pubkey {
        vw::vault_operator_delegation_pda(&self.vaults[v].address, &self.operators[o].address).0
    }
}

struct Sim<'k> {
    k: &'k Keys,
    p: Params,
    store: World,
    /// Open withdrawal tickets per vault.
    tickets: Vec<Vec<Pubkey>>,
    next_ticket: u16,
}

/// The expected outcome of a step.
type Outcome = Result<(), ProgramError>;

fn custom(code: u32) -> ProgramError {
    ProgramError::Custom(code)
}

fn verr(e: VaultError) -> ProgramError {
    custom(e as u32)
}

impl<'k> Sim<'k> {
    fn new(k: &'k Keys, p: Params) -> Self {
        let mut store = World::with_mollusk(mollusk_tests::mollusk());
        store.warp(p.start_slot);
        let cfg = &k.config;
        store.set(
            cfg.address,
            vw::vault_account(vw::config_bytes(cfg, p.epoch_length, p.program_fee_bps, 0)),
        );
        store.set(k.payer, vw::wallet());
        store.set(k.rewarder, vw::wallet());
        let mut w = Self {
            k,
            p,
            store,
            tickets: vec![Vec::new(); p.vaults],
            next_ticket: 0,
        };
        for v in 0..p.vaults {
            w.create_vault(v);
        }
        w
    }

    fn create_vault(&mut self, i: usize) {
        let v = &self.k.vaults[i];
        // Every vault supports its own mint (the world is per vault).
        self.store.set(
            v.st_mint,
            vw::mint_account(Some(&vw::key(0x31, 9)), ST_SUPPLY),
        );
        self.store.set(v.admin, vw::wallet());
        self.store.set(v.base, vw::wallet());
        self.store.set(
            ata(&v.admin, &v.st_mint),
            vw::token_account(&v.st_mint, &v.admin, ADMIN_ST),
        );
        self.store
            .set(v.vault_st_ata, vw::token_account(&v.st_mint, &v.address, 0));
        let (d, wd, r) = self.p.fees[i];
        let data = vw::initialize_vault_data(d, wd, r, 9, self.p.initial[i]);
        self.store
            .exec(&vw::initialize_vault(&self.k.config.address, v, data));
        // Token accounts the instructions expect to exist.
        let owners: Vec<Pubkey> = [v.admin, self.k.config.program_fee_wallet, self.k.rewarder]
            .into_iter()
            .chain(self.k.stakers.iter().copied())
            .collect();
        for owner in owners {
            let vrt = ata(&owner, &v.vrt_mint);
            self.store
                .set(vrt, vw::token_account(&v.vrt_mint, &owner, 0));
        }
        let pfw = self.k.config.program_fee_wallet;
        self.store.set(pfw, vw::wallet());
        self.store.set(
            ata(&pfw, &v.st_mint),
            vw::token_account(&v.st_mint, &pfw, STAKER_ST),
        );
        for s in &self.k.stakers {
            self.store.set(*s, vw::wallet());
            self.store.set(
                ata(s, &v.st_mint),
                vw::token_account(&v.st_mint, s, STAKER_ST),
            );
        }
        self.store.set(
            ata(&self.k.rewarder, &v.st_mint),
            vw::token_account(&v.st_mint, &self.k.rewarder, REWARDER_ST),
        );
        // Operators (restaking accounts written directly) and their delegations.
        for (o, op) in self.k.operators.iter().enumerate() {
            self.store.set(op.address, raw::operator_account(op));
            let ticket = raw::operator_vault_ticket_pda(&op.address, &v.address).0;
            self.store.set(
                ticket,
                raw::restaking_account(raw::operator_vault_ticket_bytes(
                    &op.address,
                    &v.address,
                    i as u64,
                    (0, 0),
                )),
            );
            self.store.exec(&vw::initialize_vault_operator_delegation(
                &self.k.config.address,
                &v.address,
                &op.address,
                &ticket,
                &self.k.delegation(i, o),
                &v.admin,
                &self.k.payer,
            ));
        }
    }

    fn slot(&self) -> u64 {
        self.store.slot()
    }

    fn epoch(&self) -> u64 {
        self.slot() / self.p.epoch_length
    }

    fn vault(&self, i: usize) -> Vault {
        *Vault::from_bytes(&self.store.account(&self.k.vaults[i].address).data).unwrap()
    }

    fn delegation_state(&self, v: usize, o: usize) -> VaultOperatorDelegation {
        *VaultOperatorDelegation::from_bytes(&self.store.account(&self.k.delegation(v, o)).data)
            .unwrap()
    }

    fn tracker(&self, v: usize, epoch: u64) -> Option<VaultUpdateStateTracker> {
        let a = self
            .store
            .account(&vw::tracker_pda(&self.k.vaults[v].address, epoch).0);
        VaultUpdateStateTracker::from_bytes(&a.data).ok().copied()
    }

    /// Open trackers of vault `v`: `(epoch, address)`, oldest first.
    fn open_trackers(&self, v: usize) -> Vec<(u64, Pubkey)> {
        let vault = self.k.vaults[v].address;
        (0..=self.epoch())
            .rev()
            .take(64)
            .filter_map(|e| {
                let key = vw::tracker_pda(&vault, e).0;
                let a = self.store.accounts.get(&key)?;
                (a.owner == mollusk_tests::VAULT_PROGRAM_ID).then_some((e, key))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    }

    fn update_needed(&self, vault: &Vault) -> bool {
        vault
            .is_update_needed(self.slot(), self.p.epoch_length)
            .unwrap()
    }

    fn balance(&self, key: &Pubkey) -> u64 {
        token_amount(&self.store.account(key))
    }

    fn v(&self, i: u8) -> usize {
        i as usize % self.p.vaults
    }

    /// Staker `s` of vault `v`: three plain stakers, then the vault's admin
    /// (also its fee wallet: its VRT account is the fee account) and the
    /// program fee wallet (no fees for them on withdrawal).
    fn staker(&self, v: usize, s: u8) -> Pubkey {
        match s % 5 {
            3 => self.k.vaults[v].admin,
            4 => self.k.config.program_fee_wallet,
            i => self.k.stakers[i as usize],
        }
    }
}

// ---------------------------------------------------------------------------
// Building instructions and predicting their outcome.
// ---------------------------------------------------------------------------

/// One vault instruction of a step, with its predicted outcome, or a reward
/// transfer (SPL Token, always succeeds).
struct Built {
    ix: Instruction,
    expected: Outcome,
    name: &'static str,
    vault_instruction: bool,
}

impl Sim<'_> {
    /// The instructions of an action (a full update is several).
    fn build(&mut self, action: Action) -> Vec<Built> {
        let k = self.k;
        let cfg = k.config.address;
        match action {
            Action::Warp(_) => Vec::new(),
            Action::Mint {
                vault,
                staker,
                amount,
                min_out,
            } => {
                let vi = self.v(vault);
                let v = &k.vaults[vi];
                let s = self.staker(vi, staker);
                let vs = self.vault(vi);
                let available = self.balance(&ata(&s, &v.st_mint));
                let amount = amount.of(available);
                // A slippage bound exactly at the predicted output.
                let mut copy = vs;
                let predicted = copy.mint_with_fee(amount, 0);
                let min = match (min_out, predicted) {
                    (true, Ok(m)) => m.vrt_to_depositor,
                    _ => 0,
                };
                let expected = (|| {
                    if self.update_needed(&vs) {
                        return Err(custom(err::VAULT_UPDATE_NEEDED));
                    }
                    let mut copy = vs;
                    let summary = copy.mint_with_fee(amount, min).map_err(verr)?;
                    if summary.vrt_to_depositor == 0 {
                        return Err(custom(err::VRT_OUT_CANNOT_BE_ZERO));
                    }
                    if available < amount {
                        return Err(custom(err::TOKEN_INSUFFICIENT_FUNDS));
                    }
                    Ok(())
                })();
                vec![Built {
                    ix: vw::mint_to(
                        &vw::VaultKeys::tokens(v, &cfg),
                        &s,
                        &vs.fee_wallet,
                        amount,
                        min,
                        None,
                    ),
                    expected,
                    name: "MintTo",
                    vault_instruction: true,
                }]
            }
            Action::Enqueue {
                vault,
                staker,
                amount,
            } => {
                let vi = self.v(vault);
                let v = &k.vaults[vi];
                let s = self.staker(vi, staker);
                let vs = self.vault(vi);
                let available = self.balance(&ata(&s, &v.vrt_mint));
                let amount = amount.of(available);
                self.next_ticket += 1;
                let n = self.next_ticket;
                let base = Pubkey::new_from_array({
                    let mut b = [0u8; 32];
                    b[0] = 0xA2;
                    b[1] = 0x70 + vi as u8;
                    b[2..4].copy_from_slice(&n.to_le_bytes());
                    b
                });
                self.store.set(base, vw::wallet());
                let ticket = vw::withdrawal_ticket_pda(&v.address, &base).0;
                // The client creates the ticket's VRT account first (idempotent ATA).
                self.store.set(
                    ata(&ticket, &v.vrt_mint),
                    vw::token_account(&v.vrt_mint, &ticket, 0),
                );
                let expected = (|| {
                    if self.update_needed(&vs) {
                        return Err(custom(err::VAULT_UPDATE_NEEDED));
                    }
                    if amount == 0 {
                        return Err(custom(err::VAULT_ENQUEUE_WITHDRAWAL_AMOUNT_ZERO));
                    }
                    // The ticket is created, then the amount is queued, then moved.
                    let mut copy = vs;
                    copy.increment_vrt_enqueued_for_cooldown_amount(amount)
                        .map_err(verr)?;
                    if available < amount {
                        return Err(custom(err::TOKEN_INSUFFICIENT_FUNDS));
                    }
                    Ok(())
                })();
                vec![Built {
                    ix: vw::enqueue_withdrawal(
                        &vw::VaultKeys::tokens(v, &cfg),
                        &s,
                        &base,
                        amount,
                        None,
                    ),
                    expected,
                    name: "EnqueueWithdrawal",
                    vault_instruction: true,
                }]
            }
            Action::Burn { vault, pick } => {
                let vi = self.v(vault);
                let v = &k.vaults[vi];
                let Some(address) = self.pick_ticket(vi, pick) else {
                    return Vec::new();
                };
                let vs = self.vault(vi);
                let config = *jito_vault_interface::state::Config::from_bytes(
                    &self.store.account(&cfg).data,
                )
                .unwrap();
                let ticket =
                    *VaultStakerWithdrawalTicket::from_bytes(&self.store.account(&address).data)
                        .unwrap();
                let staker = ticket.staker;
                let expected = (|| {
                    if self.update_needed(&vs) {
                        return Err(custom(err::VAULT_UPDATE_NEEDED));
                    }
                    if !ticket
                        .is_withdrawable(self.slot(), self.p.epoch_length)
                        .unwrap()
                    {
                        return Err(custom(err::VAULT_STAKER_WITHDRAWAL_TICKET_NOT_WITHDRAWABLE));
                    }
                    let mut copy = vs;
                    copy.burn_with_fee(
                        config.program_fee_wallet == staker,
                        vs.fee_wallet == staker,
                        ticket.vrt_amount(),
                    )
                    .map_err(verr)?;
                    copy.decrement_vrt_ready_to_claim_amount(ticket.vrt_amount())
                        .map_err(verr)?;
                    Ok(())
                })();
                vec![Built {
                    ix: vw::burn_withdrawal_ticket(
                        &vw::VaultKeys::tokens(v, &cfg),
                        &staker,
                        &address,
                        &vs.fee_wallet,
                        &config.program_fee_wallet,
                        None,
                    ),
                    expected,
                    name: "BurnWithdrawalTicket",
                    vault_instruction: true,
                }]
            }
            Action::Add {
                vault,
                operator,
                amount,
            }
            | Action::Cooldown {
                vault,
                operator,
                amount,
            } => {
                let add = matches!(action, Action::Add { .. });
                let vi = self.v(vault);
                let oi = operator as usize % OPERATORS;
                let vs = self.vault(vi);
                let d = self.delegation_state(vi, oi);
                let available = if add {
                    vs.tokens_deposited()
                        .saturating_sub(vs.delegation_state.total_security().unwrap_or(u64::MAX))
                } else {
                    d.delegation_state.staked_amount()
                };
                let amount = amount.of(available);
                let expected = (|| {
                    if self.update_needed(&vs) {
                        return Err(custom(err::VAULT_UPDATE_NEEDED));
                    }
                    let (mut vc, mut dc) = (vs, d);
                    if add {
                        vc.delegate(amount).map_err(verr)?;
                        dc.delegation_state.delegate(amount).map_err(verr)?;
                    } else {
                        dc.delegation_state.cooldown(amount).map_err(verr)?;
                        vc.delegation_state.cooldown(amount).map_err(verr)?;
                    }
                    Ok(())
                })();
                let t = if add {
                    vw::tag::ADD_DELEGATION
                } else {
                    vw::tag::COOLDOWN_DELEGATION
                };
                vec![Built {
                    ix: vw::delegation_change(
                        t,
                        &cfg,
                        &k.vaults[vi].address,
                        &k.operators[oi].address,
                        &k.delegation(vi, oi),
                        &vs.delegation_admin,
                        amount,
                    ),
                    expected,
                    name: if add {
                        "AddDelegation"
                    } else {
                        "CooldownDelegation"
                    },
                    vault_instruction: true,
                }]
            }
            Action::UpdateBalance { vault } => {
                let vi = self.v(vault);
                let v = &k.vaults[vi];
                let vs = self.vault(vi);
                let balance = self.balance(&v.vault_st_ata);
                let expected = (|| {
                    if self.update_needed(&vs) {
                        return Err(custom(err::VAULT_UPDATE_NEEDED));
                    }
                    let mut copy = vs;
                    copy.apply_rewards(balance).map_err(verr)?;
                    Ok(())
                })();
                vec![Built {
                    ix: vw::update_vault_balance(&vw::VaultKeys::tokens(v, &cfg), &vs.fee_wallet),
                    expected,
                    name: "UpdateVaultBalance",
                    vault_instruction: true,
                }]
            }
            Action::Reward { vault, amount } => {
                let vi = self.v(vault);
                let v = &k.vaults[vi];
                let available = self.balance(&ata(&k.rewarder, &v.st_mint)).min(REWARD_BASE);
                let amount = match amount {
                    Amount::Max | Amount::Over => available,
                    a => a.of(available),
                };
                vec![Built {
                    ix: vw::spl_transfer(
                        &ata(&k.rewarder, &v.st_mint),
                        &v.vault_st_ata,
                        &k.rewarder,
                        amount,
                    ),
                    expected: Ok(()),
                    name: "Reward",
                    vault_instruction: false,
                }]
            }
            Action::InitTracker { vault } => vec![self.init_tracker(self.v(vault))],
            Action::Crank {
                vault,
                operator,
                next,
            } => {
                let vi = self.v(vault);
                let oi = if next {
                    self.next_operator(vi)
                } else {
                    operator as usize % OPERATORS
                };
                vec![self.crank(vi, oi)]
            }
            Action::CloseTracker { vault, pick } => {
                let vi = self.v(vault);
                let open = self.open_trackers(vi);
                let epoch = if open.is_empty() {
                    self.epoch()
                } else {
                    open[pick as usize % open.len()].0
                };
                vec![self.close_tracker(vi, epoch)]
            }
            Action::FullUpdate { vault } => {
                // Built one by one as the state moves: see `run_step`.
                let _ = vault;
                Vec::new()
            }
        }
    }

    fn pick_ticket(&self, v: usize, pick: u8) -> Option<Pubkey> {
        let open = &self.tickets[v];
        if open.is_empty() {
            return None;
        }
        Some(open[pick as usize % open.len()])
    }

    /// The operator (by delegation index) the current tracker expects next.
    fn next_operator(&self, v: usize) -> usize {
        match self.tracker(v, self.epoch()) {
            Some(t) if t.last_updated_index() != u64::MAX => {
                ((t.last_updated_index() + 1) % OPERATORS as u64) as usize
            }
            _ => (self.epoch() % OPERATORS as u64) as usize,
        }
    }

    fn init_tracker(&self, v: usize) -> Built {
        let k = self.k;
        let vault = k.vaults[v].address;
        let vs = self.vault(v);
        let tracker = vw::tracker_pda(&vault, self.epoch()).0;
        let expected = (|| {
            if self.tracker(v, self.epoch()).is_some() {
                return Err(ProgramError::InvalidAccountOwner);
            }
            if !self.update_needed(&vs) {
                return Err(custom(err::VAULT_IS_UPDATED));
            }
            Ok(())
        })();
        Built {
            ix: vw::initialize_vault_update_state_tracker(
                &k.config.address,
                &vault,
                &tracker,
                &k.payer,
                0,
            ),
            expected,
            name: if vs.last_update_was_completed(self.p.epoch_length).unwrap() {
                "InitializeVaultUpdateStateTracker"
            } else {
                "InitializeVaultUpdateStateTracker/recovering"
            },
            vault_instruction: true,
        }
    }

    fn crank(&self, v: usize, o: usize) -> Built {
        let k = self.k;
        let vault = k.vaults[v].address;
        let tracker = vw::tracker_pda(&vault, self.epoch()).0;
        let d = self.delegation_state(v, o);
        let expected = (|| {
            let Some(t) = self.tracker(v, self.epoch()) else {
                return Err(ProgramError::InvalidAccountOwner);
            };
            if d.last_update_slot() / self.p.epoch_length >= self.epoch() {
                return Err(custom(err::VAULT_OPERATOR_DELEGATION_IS_UPDATED));
            }
            let mut t = t;
            t.check_and_update_index(d.index(), OPERATORS as u64)
                .map_err(verr)?;
            Ok(())
        })();
        Built {
            ix: vw::crank_vault_update_state_tracker(
                &k.config.address,
                &vault,
                &k.operators[o].address,
                &k.delegation(v, o),
                &tracker,
            ),
            expected,
            name: "CrankVaultUpdateStateTracker",
            vault_instruction: true,
        }
    }

    fn close_tracker(&self, v: usize, epoch: u64) -> Built {
        let k = self.k;
        let vault = k.vaults[v].address;
        let vs = self.vault(v);
        let tracker = vw::tracker_pda(&vault, epoch).0;
        let expected = (|| {
            let Some(t) = self.tracker(v, epoch) else {
                return Err(ProgramError::InvalidAccountOwner);
            };
            if epoch != self.epoch() {
                return Ok(());
            }
            if !t.all_operators_updated(OPERATORS as u64).unwrap() {
                return Err(custom(err::VAULT_UPDATE_STATE_NOT_FINISHED_UPDATING));
            }
            if vs.additional_assets_need_unstaking() > 0 {
                return Err(custom(err::NON_ZERO_ADDITIONAL_ASSETS_NEEDED));
            }
            Ok(())
        })();
        Built {
            ix: vw::close_vault_update_state_tracker(
                &k.config.address,
                &vault,
                &tracker,
                &k.payer,
                epoch,
            ),
            expected,
            name: if epoch == self.epoch() {
                "CloseVaultUpdateStateTracker"
            } else {
                "CloseVaultUpdateStateTracker/old-epoch"
            },
            vault_instruction: true,
        }
    }

    /// Keys an account may be swapped for.
    fn pool(&self) -> Vec<Pubkey> {
        let k = self.k;
        let mut pool = vec![
            k.config.address,
            k.payer,
            k.rewarder,
            SYSTEM_PROGRAM_ID,
            TOKEN_PROGRAM_ID,
        ];
        for (vi, v) in k.vaults.iter().enumerate().take(self.p.vaults) {
            pool.extend([
                v.address,
                v.vrt_mint,
                v.st_mint,
                v.vault_st_ata,
                v.admin,
                v.delegation_admin,
                ata(&v.admin, &v.vrt_mint),
                ata(&k.config.program_fee_wallet, &v.vrt_mint),
            ]);
            for o in 0..OPERATORS {
                pool.push(k.delegation(vi, o));
            }
            for s in &k.stakers {
                pool.extend([*s, ata(s, &v.st_mint), ata(s, &v.vrt_mint)]);
            }
            pool.extend(self.tickets[vi].iter().copied());
            pool.extend(self.open_trackers(vi).into_iter().map(|(_, k)| k));
        }
        pool.extend(k.operators.iter().map(|o| o.address));
        pool
    }

    fn corrupt(&self, ix: &Instruction, c: Corruption) -> Option<Instruction> {
        let mut ix = ix.clone();
        match c {
            Corruption::DropSignature(k) => {
                let signers: Vec<usize> = (0..ix.accounts.len())
                    .filter(|&i| ix.accounts[i].is_signer)
                    .collect();
                if signers.is_empty() {
                    return None;
                }
                let i = signers[k as usize % signers.len()];
                let key = ix.accounts[i].pubkey;
                // Every meta of that key (the runtime merges flags).
                for m in ix.accounts.iter_mut().filter(|m| m.pubkey == key) {
                    m.is_signer = false;
                }
            }
            Corruption::Swap { at, with } => {
                let pool = self.pool();
                let i = at as usize % ix.accounts.len();
                let key = pool[with as usize % pool.len()];
                if key == ix.accounts[i].pubkey {
                    return None;
                }
                ix.accounts[i].pubkey = key;
            }
        }
        Some(ix)
    }
}

// ---------------------------------------------------------------------------
// Invariants.
// ---------------------------------------------------------------------------

fn amounts(d: &DelegationState) -> (u64, u64, u64) {
    (
        d.staked_amount(),
        d.enqueued_for_cooldown_amount(),
        d.cooling_down_amount(),
    )
}

fn check_invariants(w: &Sim) -> Result<(), String> {
    let k = w.k;
    for vi in 0..w.p.vaults {
        let v = &k.vaults[vi];
        let vault = w.vault(vi);
        let balance = w.balance(&v.vault_st_ata);
        if balance < vault.tokens_deposited() {
            return Err(format!(
                "vault {vi}: token account holds {balance} < tokens_deposited {}",
                vault.tokens_deposited()
            ));
        }
        let supply = mint_supply(&w.store.account(&v.vrt_mint));
        if supply != vault.vrt_supply() {
            return Err(format!(
                "vault {vi}: VRT mint supply {supply} != vrt_supply {}",
                vault.vrt_supply()
            ));
        }
        // Withdrawal tickets and the VRT buckets.
        let mut in_tickets: u128 = 0;
        for t in &w.tickets[vi] {
            let ticket = *VaultStakerWithdrawalTicket::from_bytes(&w.store.account(t).data)
                .map_err(|_| format!("vault {vi}: open ticket {t} missing"))?;
            in_tickets += ticket.vrt_amount() as u128;
            let held = w.balance(&ata(t, &v.vrt_mint));
            if held < ticket.vrt_amount() {
                return Err(format!(
                    "vault {vi}: ticket {t} holds {held} VRT < {}",
                    ticket.vrt_amount()
                ));
            }
        }
        let buckets = vault.vrt_enqueued_for_cooldown_amount() as u128
            + vault.vrt_cooling_down_amount() as u128
            + vault.vrt_ready_to_claim_amount() as u128;
        if buckets != in_tickets {
            return Err(format!(
                "vault {vi}: VRT buckets {buckets} != VRT in open tickets {in_tickets}"
            ));
        }
        // Delegations.
        let security = vault
            .delegation_state
            .total_security()
            .map_err(|e| format!("vault {vi}: {e:?}"))?;
        if security > vault.tokens_deposited() {
            return Err(format!(
                "vault {vi}: delegated {security} > tokens_deposited {}",
                vault.tokens_deposited()
            ));
        }
        let vault_epoch = vault.last_full_state_update_slot() / w.p.epoch_length;
        let mut sum = (0u128, 0u128, 0u128);
        let mut all_at_vault_epoch = true;
        for o in 0..OPERATORS {
            let d = w.delegation_state(vi, o);
            let e = d.last_update_slot() / w.p.epoch_length;
            if e < vault_epoch {
                return Err(format!(
                    "vault {vi}: delegation {o} last updated in epoch {e} < vault's {vault_epoch}"
                ));
            }
            all_at_vault_epoch &= e == vault_epoch;
            let (s, q, c) = amounts(&d.delegation_state);
            sum = (sum.0 + s as u128, sum.1 + q as u128, sum.2 + c as u128);
        }
        let (s, q, c) = amounts(&vault.delegation_state);
        if all_at_vault_epoch && sum != (s as u128, q as u128, c as u128) {
            return Err(format!(
                "vault {vi}: delegation state {:?} != sum over operators {sum:?}",
                (s, q, c)
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Running a sequence.
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Stats {
    sequences: AtomicU64,
    steps: AtomicU64,
    instructions: AtomicU64,
    successes: AtomicU64,
    expected_failures: AtomicU64,
    corrupted: AtomicU64,
    burns: AtomicU64,
    /// Cranks that cooled down stake for withdrawals (greedy allocation).
    allocations: AtomicU64,
    outcomes: Mutex<BTreeMap<String, u64>>,
}

/// Runs one instruction: checks the result class and commits it.
fn run_one(
    w: &mut Sim,
    built: &Built,
    corruption: Option<Corruption>,
    stats: &Stats,
) -> Result<bool, String> {
    stats.instructions.fetch_add(1, Ordering::Relaxed);
    let corrupted = match corruption {
        Some(c) if built.vault_instruction => w.corrupt(&built.ix, c).map(|ix| (ix, c)),
        _ => None,
    };
    let ix = corrupted
        .as_ref()
        .map(|(ix, _)| ix.clone())
        .unwrap_or_else(|| built.ix.clone());
    let (result, inputs) = w.store.run(&ix);
    match &result.program_result {
        RunResult::UnknownError(e) => {
            let abort = matches!(
                e,
                InstructionError::ProgramFailedToComplete
                    | InstructionError::ComputationalBudgetExceeded
                    | InstructionError::ProgramFailedToCompile
            );
            if abort || corrupted.is_none() {
                return Err(format!("{}: not a clean program error: {e:?}", built.name));
            }
        }
        RunResult::Failure(_) | RunResult::Success => {}
    }
    let ok = result.program_result.is_ok();
    if ok {
        for (key, account) in &result.resulting_accounts {
            if !account.executable {
                w.store.set(*key, account.clone());
            }
        }
    } else {
        for ((key, before), (key_after, after)) in inputs.iter().zip(&result.resulting_accounts) {
            if key != key_after || before != after {
                return Err(format!(
                    "{}: account {key} changed by a failed step",
                    built.name
                ));
            }
        }
    }
    match corrupted {
        Some((_, c)) => {
            stats.corrupted.fetch_add(1, Ordering::Relaxed);
            if matches!(c, Corruption::DropSignature(_)) && ok {
                return Err(format!("{}: succeeded without a signature", built.name));
            }
        }
        None => {
            let actual: Outcome = match &result.program_result {
                RunResult::Success => Ok(()),
                RunResult::Failure(e) => Err(e.clone()),
                RunResult::UnknownError(_) => unreachable!(),
            };
            if actual != built.expected {
                return Err(format!(
                    "{}: expected {:?}, got {actual:?}",
                    built.name, built.expected
                ));
            }
            let label = match &actual {
                Ok(()) => format!("{} ok", built.name),
                Err(e) => format!("{} {e:?}", built.name),
            };
            *stats.outcomes.lock().unwrap().entry(label).or_default() += 1;
            if ok {
                stats.successes.fetch_add(1, Ordering::Relaxed);
            } else {
                stats.expected_failures.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    Ok(ok)
}

/// A whole update cycle of vault `vi`; `corruption` applies to its first instruction.
fn full_update(
    w: &mut Sim,
    vi: usize,
    corruption: Option<Corruption>,
    stats: &Stats,
) -> Result<(), String> {
    let init = w.init_tracker(vi);
    run_one(w, &init, corruption, stats)?;
    for _ in 0..OPERATORS {
        let next = w.next_operator(vi);
        let crank = w.crank(vi, next);
        let before = w.vault(vi).additional_assets_need_unstaking();
        run_one(w, &crank, None, stats)?;
        if w.vault(vi).additional_assets_need_unstaking() < before {
            stats.allocations.fetch_add(1, Ordering::Relaxed);
        }
    }
    let close = w.close_tracker(vi, w.epoch());
    run_one(w, &close, None, stats)?;
    Ok(())
}

fn run_step(w: &mut Sim, step: &Step, stats: &Stats) -> Result<(), String> {
    stats.steps.fetch_add(1, Ordering::Relaxed);
    if step.fresh {
        let target = match step.action {
            Action::Mint { vault, .. }
            | Action::Enqueue { vault, .. }
            | Action::Burn { vault, .. }
            | Action::Add { vault, .. }
            | Action::Cooldown { vault, .. }
            | Action::UpdateBalance { vault } => Some(w.v(vault)),
            _ => None,
        };
        if let Some(vi) = target {
            if w.update_needed(&w.vault(vi)) {
                full_update(w, vi, None, stats)?;
            }
        }
        // A crank or close step opens the epoch's tracker first when the
        // vault needs one (partial update cycles, recovered from later).
        if let Action::Crank { vault, .. } | Action::CloseTracker { vault, .. } = step.action {
            let vi = w.v(vault);
            if w.update_needed(&w.vault(vi)) && w.tracker(vi, w.epoch()).is_none() {
                let init = w.init_tracker(vi);
                run_one(w, &init, None, stats)?;
            }
        }
    }
    match step.action {
        Action::Warp(p) => {
            let slots = (w.p.epoch_length * p as u64 / 400).max(1);
            let slot = w.slot() + slots;
            w.store.warp(slot);
        }
        Action::FullUpdate { vault } => {
            // Each instruction of the cycle is built from the state before it;
            // a corruption applies to the first one only.
            let vi = w.v(vault);
            full_update(w, vi, step.corruption, stats)?;
        }
        action => {
            for built in w.build(action) {
                let ok = run_one(w, &built, step.corruption, stats)?;
                if !ok {
                    continue;
                }
                // Track the withdrawal tickets the program created (closed
                // ones are dropped below).
                match action {
                    Action::Enqueue { vault, .. } => {
                        let vi = w.v(vault);
                        let address = built.ix.accounts[2].pubkey;
                        if w.store.account(&address).owner == mollusk_tests::VAULT_PROGRAM_ID
                            && !w.tickets[vi].contains(&address)
                        {
                            w.tickets[vi].push(address);
                        }
                    }
                    Action::Burn { .. } => {
                        stats.burns.fetch_add(1, Ordering::Relaxed);
                    }
                    _ => {}
                }
            }
        }
    }
    // A ticket whose owner was changed by a corrupted step is still open;
    // a ticket closed by a corrupted burn is gone.
    for vi in 0..w.p.vaults {
        let store = &w.store.accounts;
        w.tickets[vi].retain(|t| {
            store
                .get(t)
                .is_some_and(|a| a.owner == mollusk_tests::VAULT_PROGRAM_ID)
        });
    }
    check_invariants(w)
}

fn run_sequence(k: &Keys, p: Params, steps: &[Step], stats: &Stats) -> Result<(), String> {
    let mut w = Sim::new(k, p);
    check_invariants(&w).map_err(|e| format!("initial world: {e}"))?;
    for (i, step) in steps.iter().enumerate() {
        let slot = w.slot();
        run_step(&mut w, step, stats)
            .map_err(|e| format!("step {i} {step:?} at slot {slot}: {e}"))?;
    }
    stats.sequences.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

#[test]
fn random_vault_sequences() {
    let cases = env_u64("JITO_PROPTEST_CASES", 128) as u32;
    let max_steps = env_u64("JITO_PROPTEST_STEPS", 120) as usize;
    let seed = match std::env::var("JITO_PROPTEST_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(s) => RngSeed::Fixed(s.parse().expect("JITO_PROPTEST_SEED: a u64 or `random`")),
        None => RngSeed::Fixed(0x7661_756C_7452_4E44),
    };
    let config = Config {
        cases,
        rng_seed: seed,
        failure_persistence: None,
        max_shrink_iters: 2_048,
        max_shrink_time: 60_000,
        ..Config::default()
    };
    let keys = Keys::new();
    let stats = Stats::default();
    let mut runner = TestRunner::new(config);
    let started = std::time::Instant::now();
    let result = runner.run(&(params(), vec(step(), 1..=max_steps)), |(p, steps)| {
        run_sequence(&keys, p, &steps, &stats)
            .map_err(|e| TestCaseError::fail(format!("{p:?}: {e}")))
    });
    let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
    println!(
        "RANDOM vault: {} sequences passed ({cases} configured, up to {max_steps} steps, seed {seed:?}), {} steps, {} instructions: {} successes, {} predicted failures, {} corrupted, {} burns, {} greedy allocations, in {:.1}s",
        load(&stats.sequences),
        load(&stats.steps),
        load(&stats.instructions),
        load(&stats.successes),
        load(&stats.expected_failures),
        load(&stats.corrupted),
        load(&stats.burns),
        load(&stats.allocations),
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
