//! The NCN program's compute benchmark (the `ncn` rows of `compute_reports/`): all 31
//! instructions run successfully, in order, through a whole epoch of one NCN — config, vault
//! registry, stake mints and vaults, epoch state, weight table, epoch and operator snapshots,
//! every vault → operator delegation, ballot box, votes to consensus, a stalled epoch settled
//! by the tie-breaker, reward routing and distribution, and every epoch account closed —,
//! each recorded with [`record_cu`] (`scripts/compute-report.sh` runs this target with
//! `compute_bench`).
//!
//! Reproducible to the unit: every key comes from a fixed label ([`key`]), every slot is
//! fixed, and each test builds its own ledger. The NCN program's instructions run for real
//! (built by the generated client) and carry their state forward; the restaking and vault
//! accounts they read (restaking config, NCN, operators, NCN ↔ operator states, tickets,
//! vaults, delegations) are written from their interface crates' types, active since an
//! earlier epoch, as the restaking and vault programs leave them.
//!
//! * [`epoch_16_operators_2_vaults`]: the instruction rows, and the epoch's total
//!   (`Epoch/16-operators-2-vaults`: epoch state, weight table, epoch snapshot, every operator
//!   and delegation snapshot, ballot box, every vote; the target is 150,000 CU). Every
//!   vote must stay within 2,000 CU (asserted at 1, 16 and 64 operators).
//! * [`epoch_1_operator`], [`epoch_64_operators`]: the snapshot and vote rows at 1 and 64
//!   operators (2 vaults), and their epoch totals.

use std::collections::BTreeMap;

use jito_core::{account::AccountType, slot_toggle::SlotToggle};
use jito_ncn_client::{instructions as ni, pdas, types::ConfigAdminRole};
use jito_restaking_interface::state::{
    Config as RestakingConfig, Ncn, NcnOperatorState, NcnVaultTicket, Operator,
};
use jito_vault_interface::state::{Vault, VaultNcnTicket, VaultOperatorDelegation};
use mollusk_tests::{
    cpi_compute_units, mint_data, mollusk, owned_account, program_account, read_built_program,
    record_cu, sbf_out_dir, system_account, Account, Instruction, InstructionResult, Mollusk,
    Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

const NCN_PROGRAM_ID: Pubkey = jito_ncn_client::ID;
/// `FeeConfig::PROTOCOL_FEE_WALLET` of the template.
const PROTOCOL_FEE_WALLET: Pubkey =
    Pubkey::from_str_const("5eosrve6LktMZgVNszYzebgmmC7BjLK8NoWyRQtcmGTF");
/// Epoch length of the restaking config (its default) and of Mollusk's epoch schedule.
const EPOCH_LENGTH: u64 = 432_000;
/// The epoch run: the restaking and vault accounts were set up two epochs earlier.
const EPOCH: u64 = 10;
const SLOT: u64 = EPOCH * EPOCH_LENGTH + 77;
const SETUP_SLOT: u64 = (EPOCH - 2) * EPOCH_LENGTH + 5;
/// `InitializeConfig` arguments.
const EPOCHS_BEFORE_STALL: u64 = 3;
const EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE: u64 = 10;
const VALID_SLOTS_AFTER_CONSENSUS: u64 = 10_000;
const NCN_FEE_BPS: u16 = 300;
/// Weights of the stake mints (vault `j` holds mint `j % 2`).
const WEIGHTS: [u128; 2] = [1_000_000_000_000, 400_000_000_000];
/// Lamports that arrive in the NCN reward receiver to route.
const REWARDS: u64 = 10_000_000_000;
/// Realloc targets: the full sizes of the growing accounts.
const REGISTRY_LEN: usize = 10_281;
const WEIGHT_TABLE_LEN: usize = 12_353;
const BALLOT_BOX_LEN: usize = 22_099;
const NCN_ROUTER_LEN: usize = 10_483;

/// A fixed key from a label.
fn key(label: &str) -> Pubkey {
    let digest = <sha2::Sha256 as sha2::Digest>::digest(format!("ncn-bench/{label}").as_bytes());
    Pubkey::new_from_array(digest.into())
}

/// The NCN's base: the first labelled key whose NCN's account payer has bump 255, as half of
/// all NCNs' do. The payer's canonical PDA is checked in every instruction that creates or
/// grows an account, one hash and curve check per bump tried (a payer with bump 245, as the
/// label `ncn-base` gave, costs about 3,000 CU more in each of those instructions).
fn ncn_base() -> Pubkey {
    (0..)
        .map(|i| key(&format!("ncn-base-{i}")))
        .find(|base| {
            let ncn = find(&[b"ncn", base.as_ref()], &RESTAKING_PROGRAM_ID).0;
            pdas::find_account_payer(&NCN_PROGRAM_ID, &ncn, &ncn).1 == u8::MAX
        })
        .expect("some base")
}

fn find(seeds: &[&[u8]], program: &Pubkey) -> (Pubkey, u8) {
    Pubkey::find_program_address(seeds, program)
}

/// The accounts, carried from instruction to instruction.
struct Ledger {
    mollusk: Mollusk,
    accounts: BTreeMap<Pubkey, Account>,
}

impl Ledger {
    fn new() -> Self {
        let mut mollusk = mollusk();
        let elf = read_built_program(&sbf_out_dir(), "jito_ncn_program");
        mollusk.add_program_with_loader_and_elf(
            &NCN_PROGRAM_ID,
            &mollusk_svm::program::loader_keys::LOADER_V3,
            &elf,
        );
        mollusk.warp_to_slot(SLOT);
        assert_eq!(
            mollusk.sysvars.clock.epoch, EPOCH,
            "Mollusk's epoch schedule"
        );
        Self {
            mollusk,
            accounts: BTreeMap::new(),
        }
    }

    fn put(&mut self, key: Pubkey, account: Account) {
        self.accounts.insert(key, account);
    }

    fn add_lamports(&mut self, key: &Pubkey, lamports: u64) {
        let account = self
            .accounts
            .entry(*key)
            .or_insert_with(|| system_account(0));
        account.lamports += lamports;
    }

    /// Runs `ix`, which must succeed, and keeps every account it leaves.
    #[track_caller]
    fn exec(&mut self, ix: &Instruction) -> InstructionResult {
        let mut keys: Vec<Pubkey> = Vec::new();
        for meta in &ix.accounts {
            if !keys.contains(&meta.pubkey) {
                keys.push(meta.pubkey);
            }
        }
        let accounts: Vec<(Pubkey, Account)> = keys
            .iter()
            .map(|k| match self.accounts.get(k) {
                Some(a) => (*k, a.clone()),
                None if [SYSTEM_PROGRAM_ID, NCN_PROGRAM_ID].contains(k) => program_account(k),
                None => (*k, Account::default()),
            })
            .collect();
        let result = self.mollusk.process_instruction(ix, &accounts);
        assert!(
            result.program_result.is_ok(),
            "instruction {} failed: {:?}",
            ix.data[0],
            result.program_result
        );
        for (k, a) in &result.resulting_accounts {
            if !a.executable {
                self.accounts.insert(*k, a.clone());
            }
        }
        result
    }

    fn data(&self, key: &Pubkey) -> &[u8] {
        &self.accounts[key].data
    }
}

/// Account bytes of type `T`: header written, fields set by `f`.
fn bytes<T: AccountType>(f: impl FnOnce(&mut T)) -> Vec<u8> {
    let mut data = vec![0u8; T::LEN];
    f(T::init(&mut data).expect("length"));
    data
}

/// A toggle activated at [`SETUP_SLOT`]: active in [`EPOCH`].
fn active() -> SlotToggle {
    // Created one slot before its warm-up (a toggle cannot warm up in its creation slot).
    let mut toggle = SlotToggle::new(SETUP_SLOT - 1);
    assert!(toggle.activate(SETUP_SLOT, EPOCH_LENGTH).expect("activate"));
    toggle
}

struct OperatorKeys {
    address: Pubkey,
    admin: Pubkey,
    snapshot: Pubkey,
    router: Pubkey,
    receiver: Pubkey,
}

struct VaultKeys {
    address: Pubkey,
    mint: Pubkey,
    vault_ncn_ticket: Pubkey,
    ncn_vault_ticket: Pubkey,
}

/// One NCN with `operators` operators and `vaults` vaults, and its NCN-program addresses.
struct Bench {
    admin: Pubkey,
    ncn: Pubkey,
    restaking_config: Pubkey,
    fee_wallet: Pubkey,
    tie_breaker: Pubkey,
    payer: Pubkey,
    config: Pubkey,
    registry: Pubkey,
    marker: Pubkey,
    epoch_state: Pubkey,
    weight_table: Pubkey,
    epoch_snapshot: Pubkey,
    ballot_box: Pubkey,
    consensus_result: Pubkey,
    ncn_router: Pubkey,
    ncn_receiver: Pubkey,
    mints: [Pubkey; 2],
    operators: Vec<OperatorKeys>,
    vaults: Vec<VaultKeys>,
}

impl Bench {
    fn new(operators: usize, vaults: usize) -> Self {
        let p = &NCN_PROGRAM_ID;
        let admin = key("ncn-admin");
        let ncn = find(&[b"ncn", ncn_base().as_ref()], &RESTAKING_PROGRAM_ID).0;
        let operators = (0..operators)
            .map(|i| {
                let address = find(
                    &[b"operator", key(&format!("operator-base-{i}")).as_ref()],
                    &RESTAKING_PROGRAM_ID,
                )
                .0;
                OperatorKeys {
                    address,
                    admin: key(&format!("operator-admin-{i}")),
                    snapshot: pdas::find_operator_snapshot(p, &address, &ncn, EPOCH).0,
                    router: pdas::find_operator_vault_reward_router(p, &address, &ncn, EPOCH).0,
                    receiver: pdas::find_operator_vault_reward_receiver(p, &address, &ncn, EPOCH).0,
                }
            })
            .collect();
        let mints = [key("st-mint-0"), key("st-mint-1")];
        let vaults = (0..vaults)
            .map(|j| {
                let address = find(
                    &[b"vault", key(&format!("vault-base-{j}")).as_ref()],
                    &VAULT_PROGRAM_ID,
                )
                .0;
                VaultKeys {
                    address,
                    mint: mints[j % 2],
                    vault_ncn_ticket: pdas::find_vault_ncn_ticket(
                        &VAULT_PROGRAM_ID,
                        &address,
                        &ncn,
                    )
                    .0,
                    ncn_vault_ticket: pdas::find_ncn_vault_ticket(
                        &RESTAKING_PROGRAM_ID,
                        &ncn,
                        &address,
                    )
                    .0,
                }
            })
            .collect();
        Self {
            admin,
            ncn,
            restaking_config: find(&[b"config"], &RESTAKING_PROGRAM_ID).0,
            fee_wallet: key("ncn-fee-wallet"),
            tie_breaker: key("tie-breaker"),
            payer: pdas::find_account_payer(p, &ncn, &ncn).0,
            config: pdas::find_config(p, &ncn).0,
            registry: pdas::find_vault_registry(p, &ncn).0,
            marker: pdas::find_epoch_marker(p, &ncn, EPOCH, &ncn).0,
            epoch_state: pdas::find_epoch_state(p, &ncn, EPOCH).0,
            weight_table: pdas::find_weight_table(p, &ncn, EPOCH).0,
            epoch_snapshot: pdas::find_epoch_snapshot(p, &ncn, EPOCH).0,
            ballot_box: pdas::find_ballot_box(p, &ncn, EPOCH).0,
            consensus_result: pdas::find_consensus_result(p, &ncn, EPOCH).0,
            ncn_router: pdas::find_ncn_reward_router(p, &ncn, EPOCH).0,
            ncn_receiver: pdas::find_ncn_reward_receiver(p, &ncn, EPOCH).0,
            mints,
            operators,
            vaults,
        }
    }

    fn delegation(&self, v: &VaultKeys, o: &OperatorKeys) -> (Pubkey, u8) {
        pdas::find_vault_operator_delegation(&VAULT_PROGRAM_ID, &v.address, &o.address)
    }

    /// The restaking and vault accounts as their programs leave them after the NCN, its
    /// operators and vaults opted in (two epochs before [`EPOCH`]), wallets and the funded
    /// account payer.
    fn genesis(&self, ledger: &mut Ledger) {
        let r = &RESTAKING_PROGRAM_ID;
        let v = &VAULT_PROGRAM_ID;
        let (config, bump) = find(&[b"config"], r);
        ledger.put(
            config,
            owned_account(
                r,
                bytes::<RestakingConfig>(|c| {
                    *c = RestakingConfig::new(key("restaking-admin"), *v, bump)
                }),
            ),
        );
        let ncn_bump = find(&[b"ncn", ncn_base().as_ref()], r).1;
        let (operators, vaults) = (self.operators.len() as u64, self.vaults.len() as u64);
        ledger.put(
            self.ncn,
            owned_account(
                r,
                bytes::<Ncn>(|n| {
                    *n = Ncn::new(ncn_base(), self.admin, 0, ncn_bump);
                    n.set_operator_count(operators);
                    n.set_vault_count(vaults);
                }),
            ),
        );
        for (i, o) in self.operators.iter().enumerate() {
            let base = key(&format!("operator-base-{i}"));
            let bump = find(&[b"operator", base.as_ref()], r).1;
            ledger.put(
                o.address,
                owned_account(
                    r,
                    bytes::<Operator>(|op| {
                        *op = Operator::new(base, o.admin, i as u64, 500, bump);
                        op.set_ncn_count(1);
                        op.set_vault_count(vaults);
                    }),
                ),
            );
            let (state, bump) = pdas::find_ncn_operator_state(r, &self.ncn, &o.address);
            ledger.put(
                state,
                owned_account(
                    r,
                    bytes::<NcnOperatorState>(|s| {
                        *s = NcnOperatorState::new(self.ncn, o.address, i as u64, bump, SETUP_SLOT);
                        s.ncn_opt_in_state = active();
                        s.operator_opt_in_state = active();
                    }),
                ),
            );
            ledger.put(o.admin, system_account(1_000_000_000));
        }
        for (j, vk) in self.vaults.iter().enumerate() {
            let base = key(&format!("vault-base-{j}"));
            let bump = find(&[b"vault", base.as_ref()], v).1;
            ledger.put(
                vk.address,
                owned_account(
                    v,
                    bytes::<Vault>(|vault| {
                        vault
                            .initialize(
                                &key(&format!("vrt-{j}")),
                                &vk.mint,
                                &key(&format!("vault-admin-{j}")),
                                j as u64,
                                &base,
                                0,
                                0,
                                0,
                                10,
                                bump,
                                SETUP_SLOT,
                            )
                            .expect("vault");
                        vault.set_ncn_count(1);
                        vault.set_operator_count(operators);
                        // Updated this epoch (the vault crank ran).
                        vault.set_last_full_state_update_slot(SLOT - 10);
                        vault.set_last_start_state_update_slot(SLOT - 10);
                    }),
                ),
            );
            let bump = pdas::find_vault_ncn_ticket(v, &vk.address, &self.ncn).1;
            ledger.put(
                vk.vault_ncn_ticket,
                owned_account(
                    v,
                    bytes::<VaultNcnTicket>(|t| {
                        t.initialize(&vk.address, &self.ncn, 0, bump, SETUP_SLOT);
                        t.state = active();
                    }),
                ),
            );
            let bump = pdas::find_ncn_vault_ticket(r, &self.ncn, &vk.address).1;
            ledger.put(
                vk.ncn_vault_ticket,
                owned_account(
                    r,
                    bytes::<NcnVaultTicket>(|t| {
                        *t = NcnVaultTicket::new(self.ncn, vk.address, j as u64, bump, SETUP_SLOT);
                        t.state = active();
                    }),
                ),
            );
            for (i, o) in self.operators.iter().enumerate() {
                let (delegation, bump) = self.delegation(vk, o);
                ledger.put(
                    delegation,
                    owned_account(
                        v,
                        bytes::<VaultOperatorDelegation>(|d| {
                            d.initialize(&vk.address, &o.address, i as u64, bump, SLOT - 10);
                            // Different stakes, so that the tallies differ per operator.
                            d.delegation_state
                                .delegate(1_000_000_000_000 + 7_919 * (i * 3 + j) as u64)
                                .expect("delegate");
                        }),
                    ),
                );
            }
        }
        for mint in &self.mints {
            ledger.put(
                *mint,
                owned_account(&TOKEN_PROGRAM_ID, mint_data(Some(&self.admin), 0, 9)),
            );
        }
        ledger.put(self.admin, system_account(10_000_000_000));
        ledger.put(self.tie_breaker, system_account(1_000_000_000));
        ledger.put(self.fee_wallet, system_account(0));
        ledger.put(PROTOCOL_FEE_WALLET, system_account(0));
        ledger.put(self.payer, system_account(1_000_000_000_000));
    }
}

/// The records of one run: `(name, result)` in order.
struct Run {
    records: Vec<(String, InstructionResult)>,
}

impl Run {
    #[track_caller]
    fn exec(&mut self, ledger: &mut Ledger, name: &str, ix: &Instruction) {
        let result = ledger.exec(ix);
        self.records.push((name.to_string(), result));
    }

    fn of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a InstructionResult> + 'a {
        self.records
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, r)| r)
    }
}

/// Reallocs `account` with `ix` until it has `len` bytes.
fn realloc_until(
    run: &mut Run,
    ledger: &mut Ledger,
    name: &str,
    ix: &Instruction,
    account: &Pubkey,
    len: usize,
) {
    for _ in 0..4 {
        run.exec(ledger, name, ix);
        if ledger.data(account).len() == len {
            return;
        }
    }
    panic!("{name} did not reach {len} bytes");
}

/// The instructions of the epoch benchmark's total.
const EPOCH_TOTAL: [&str; 10] = [
    "InitializeEpochState",
    "InitializeWeightTable",
    "ReallocWeightTable",
    "SetEpochWeights",
    "InitializeEpochSnapshot",
    "InitializeOperatorSnapshot",
    "SnapshotVaultOperatorDelegation",
    "InitializeBallotBox",
    "ReallocBallotBox",
    "CastVote",
];

/// Sets up the NCN program for `w` and runs the epoch up to the end of voting. Returns the
/// run and the ledger (before the votes, for the tie-breaker: `fork`).
fn epoch(w: &Bench) -> (Run, Ledger, BTreeMap<Pubkey, Account>) {
    let mut ledger = Ledger::new();
    w.genesis(&mut ledger);
    let mut run = Run {
        records: Vec::new(),
    };
    let ncn = w.ncn;
    let sys = SYSTEM_PROGRAM_ID;

    // Config and vault registry.
    run.exec(
        &mut ledger,
        "InitializeConfig",
        &ni::InitializeConfig {
            config: w.config,
            ncn,
            ncn_fee_wallet: w.fee_wallet,
            ncn_admin: w.admin,
            tie_breaker_admin: w.admin,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::InitializeConfigInstructionArgs {
            epochs_before_stall: EPOCHS_BEFORE_STALL,
            epochs_after_consensus_before_close: EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
            valid_slots_after_consensus: VALID_SLOTS_AFTER_CONSENSUS,
            ncn_fee_bps: NCN_FEE_BPS,
        }),
    );
    run.exec(
        &mut ledger,
        "AdminSetNewAdmin",
        &ni::AdminSetNewAdmin {
            config: w.config,
            ncn,
            ncn_admin: w.admin,
            new_admin: w.tie_breaker,
        }
        .instruction(ni::AdminSetNewAdminInstructionArgs {
            role: ConfigAdminRole::TieBreakerAdmin,
        }),
    );
    run.exec(
        &mut ledger,
        "AdminSetParameters",
        &ni::AdminSetParameters {
            config: w.config,
            ncn,
            ncn_admin: w.admin,
        }
        .instruction(ni::AdminSetParametersInstructionArgs {
            starting_valid_epoch: Some(EPOCH),
            epochs_before_stall: Some(EPOCHS_BEFORE_STALL),
            epochs_after_consensus_before_close: Some(EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE),
            valid_slots_after_consensus: Some(VALID_SLOTS_AFTER_CONSENSUS),
        }),
    );
    run.exec(
        &mut ledger,
        "InitializeVaultRegistry",
        &ni::InitializeVaultRegistry {
            config: w.config,
            vault_registry: w.registry,
            ncn,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(),
    );
    realloc_until(
        &mut run,
        &mut ledger,
        "ReallocVaultRegistry",
        &ni::ReallocVaultRegistry {
            config: w.config,
            vault_registry: w.registry,
            ncn,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(),
        &w.registry,
        REGISTRY_LEN,
    );
    for (mint, weight) in w.mints.iter().zip(WEIGHTS) {
        run.exec(
            &mut ledger,
            "AdminRegisterStMint",
            &ni::AdminRegisterStMint {
                config: w.config,
                ncn,
                st_mint: *mint,
                vault_registry: w.registry,
                admin: w.admin,
            }
            .instruction(ni::AdminRegisterStMintInstructionArgs {
                weight: Some(weight / 2),
            }),
        );
        run.exec(
            &mut ledger,
            "AdminSetStMint",
            &ni::AdminSetStMint {
                config: w.config,
                ncn,
                vault_registry: w.registry,
                admin: w.admin,
            }
            .instruction(ni::AdminSetStMintInstructionArgs {
                st_mint: *mint,
                weight: Some(weight),
            }),
        );
    }
    for v in &w.vaults {
        run.exec(
            &mut ledger,
            "RegisterVault",
            &ni::RegisterVault {
                config: w.config,
                vault_registry: w.registry,
                ncn,
                vault: v.address,
                ncn_vault_ticket: v.ncn_vault_ticket,
            }
            .instruction(),
        );
    }

    // Epoch state and weight table.
    run.exec(
        &mut ledger,
        "InitializeEpochState",
        &ni::InitializeEpochState {
            epoch_marker: w.marker,
            epoch_state: w.epoch_state,
            config: w.config,
            ncn,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::InitializeEpochStateInstructionArgs { epoch: EPOCH }),
    );
    run.exec(
        &mut ledger,
        "InitializeWeightTable",
        &ni::InitializeWeightTable {
            epoch_marker: w.marker,
            epoch_state: w.epoch_state,
            vault_registry: w.registry,
            ncn,
            weight_table: w.weight_table,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::InitializeWeightTableInstructionArgs { epoch: EPOCH }),
    );
    realloc_until(
        &mut run,
        &mut ledger,
        "ReallocWeightTable",
        &ni::ReallocWeightTable {
            epoch_state: w.epoch_state,
            config: w.config,
            weight_table: w.weight_table,
            ncn,
            vault_registry: w.registry,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::ReallocWeightTableInstructionArgs { epoch: EPOCH }),
        &w.weight_table,
        WEIGHT_TABLE_LEN,
    );
    // One weight set by hand first (the weight table admin), the other copied.
    run.exec(
        &mut ledger,
        "AdminSetWeight",
        &ni::AdminSetWeight {
            epoch_state: w.epoch_state,
            ncn,
            weight_table: w.weight_table,
            weight_table_admin: w.admin,
        }
        .instruction(ni::AdminSetWeightInstructionArgs {
            st_mint: w.mints[0],
            weight: WEIGHTS[0],
            epoch: EPOCH,
        }),
    );
    run.exec(
        &mut ledger,
        "SetEpochWeights",
        &ni::SetEpochWeights {
            epoch_state: w.epoch_state,
            ncn,
            vault_registry: w.registry,
            weight_table: w.weight_table,
        }
        .instruction(ni::SetEpochWeightsInstructionArgs { epoch: EPOCH }),
    );

    // Snapshots.
    run.exec(
        &mut ledger,
        "InitializeEpochSnapshot",
        &ni::InitializeEpochSnapshot {
            epoch_marker: w.marker,
            epoch_state: w.epoch_state,
            config: w.config,
            ncn,
            weight_table: w.weight_table,
            epoch_snapshot: w.epoch_snapshot,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::InitializeEpochSnapshotInstructionArgs { epoch: EPOCH }),
    );
    for o in &w.operators {
        run.exec(
            &mut ledger,
            "InitializeOperatorSnapshot",
            &ni::InitializeOperatorSnapshot {
                epoch_marker: w.marker,
                epoch_state: w.epoch_state,
                config: w.config,
                restaking_config: w.restaking_config,
                ncn,
                operator: o.address,
                ncn_operator_state: pdas::find_ncn_operator_state(
                    &RESTAKING_PROGRAM_ID,
                    &ncn,
                    &o.address,
                )
                .0,
                epoch_snapshot: w.epoch_snapshot,
                operator_snapshot: o.snapshot,
                account_payer: w.payer,
                system_program: sys,
            }
            .instruction(ni::InitializeOperatorSnapshotInstructionArgs { epoch: EPOCH }),
        );
        for v in &w.vaults {
            run.exec(
                &mut ledger,
                "SnapshotVaultOperatorDelegation",
                &ni::SnapshotVaultOperatorDelegation {
                    epoch_state: w.epoch_state,
                    config: w.config,
                    restaking_config: w.restaking_config,
                    ncn,
                    operator: o.address,
                    vault: v.address,
                    vault_ncn_ticket: v.vault_ncn_ticket,
                    ncn_vault_ticket: v.ncn_vault_ticket,
                    vault_operator_delegation: w.delegation(v, o).0,
                    weight_table: w.weight_table,
                    epoch_snapshot: w.epoch_snapshot,
                    operator_snapshot: o.snapshot,
                }
                .instruction(ni::SnapshotVaultOperatorDelegationInstructionArgs { epoch: EPOCH }),
            );
        }
    }

    // Ballot box.
    run.exec(
        &mut ledger,
        "InitializeBallotBox",
        &ni::InitializeBallotBox {
            epoch_marker: w.marker,
            epoch_state: w.epoch_state,
            config: w.config,
            ballot_box: w.ballot_box,
            ncn,
            account_payer: w.payer,
            system_program: sys,
            consensus_result: w.consensus_result,
        }
        .instruction(ni::InitializeBallotBoxInstructionArgs { epoch: EPOCH }),
    );
    realloc_until(
        &mut run,
        &mut ledger,
        "ReallocBallotBox",
        &ni::ReallocBallotBox {
            epoch_state: w.epoch_state,
            config: w.config,
            ballot_box: w.ballot_box,
            ncn,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::ReallocBallotBoxInstructionArgs { epoch: EPOCH }),
        &w.ballot_box,
        BALLOT_BOX_LEN,
    );
    let before_votes = ledger.accounts.clone();

    // Every operator votes the same weather (consensus at 2/3 of the stake weight; the
    // later votes count inside `valid_slots_after_consensus`).
    for o in &w.operators {
        run.exec(&mut ledger, "CastVote", &cast_vote(w, o, 1));
    }
    (run, ledger, before_votes)
}

fn cast_vote(w: &Bench, o: &OperatorKeys, weather: u8) -> Instruction {
    ni::CastVote {
        epoch_state: w.epoch_state,
        config: w.config,
        ballot_box: w.ballot_box,
        ncn: w.ncn,
        epoch_snapshot: w.epoch_snapshot,
        operator_snapshot: o.snapshot,
        operator: o.address,
        operator_voter: o.admin,
        consensus_result: w.consensus_result,
    }
    .instruction(ni::CastVoteInstructionArgs {
        weather_status: weather,
        epoch: EPOCH,
    })
}

/// Consensus slot of the ballot box (offset 57 of the template's layout).
fn consensus_slot(ledger: &Ledger, w: &Bench) -> u64 {
    u64::from_le_bytes(ledger.data(&w.ballot_box)[57..65].try_into().unwrap())
}

/// Routes and distributes the rewards of a finished vote, then closes every epoch account.
fn rewards_and_close(run: &mut Run, ledger: &mut Ledger, w: &Bench) {
    let ncn = w.ncn;
    let sys = SYSTEM_PROGRAM_ID;
    run.exec(
        ledger,
        "InitializeNCNRewardRouter",
        &ni::InitializeNcnRewardRouter {
            epoch_marker: w.marker,
            epoch_state: w.epoch_state,
            ncn,
            ncn_reward_router: w.ncn_router,
            ncn_reward_receiver: w.ncn_receiver,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::InitializeNcnRewardRouterInstructionArgs { epoch: EPOCH }),
    );
    realloc_until(
        run,
        ledger,
        "ReallocNCNRewardRouter",
        &ni::ReallocNcnRewardRouter {
            epoch_state: w.epoch_state,
            config: w.config,
            ncn_reward_router: w.ncn_router,
            ncn,
            account_payer: w.payer,
            system_program: sys,
        }
        .instruction(ni::ReallocNcnRewardRouterInstructionArgs { epoch: EPOCH }),
        &w.ncn_router,
        NCN_ROUTER_LEN,
    );
    for o in &w.operators {
        run.exec(
            ledger,
            "InitializeOperatorVaultRewardRouter",
            &ni::InitializeOperatorVaultRewardRouter {
                epoch_marker: w.marker,
                epoch_state: w.epoch_state,
                ncn,
                operator: o.address,
                operator_snapshot: o.snapshot,
                operator_vault_reward_router: o.router,
                operator_vault_reward_receiver: o.receiver,
                account_payer: w.payer,
                system_program: sys,
            }
            .instruction(ni::InitializeOperatorVaultRewardRouterInstructionArgs { epoch: EPOCH }),
        );
    }
    // Voting is over after `valid_slots_after_consensus`; the rewards arrive.
    let over = consensus_slot(ledger, w) + VALID_SLOTS_AFTER_CONSENSUS + 1;
    ledger.mollusk.warp_to_slot(over);
    ledger.add_lamports(&w.ncn_receiver, REWARDS);
    run.exec(
        ledger,
        "RouteNCNRewards",
        &ni::RouteNcnRewards {
            epoch_state: w.epoch_state,
            config: w.config,
            ncn,
            epoch_snapshot: w.epoch_snapshot,
            ballot_box: w.ballot_box,
            ncn_reward_router: w.ncn_router,
            ncn_reward_receiver: w.ncn_receiver,
        }
        .instruction(ni::RouteNcnRewardsInstructionArgs {
            max_iterations: u16::MAX,
            epoch: EPOCH,
        }),
    );
    run.exec(
        ledger,
        "DistributeProtocolRewards",
        &ni::DistributeProtocolRewards {
            epoch_state: w.epoch_state,
            config: w.config,
            ncn,
            ncn_reward_router: w.ncn_router,
            ncn_reward_receiver: w.ncn_receiver,
            protocol_fee_wallet: PROTOCOL_FEE_WALLET,
            system_program: sys,
        }
        .instruction(ni::DistributeProtocolRewardsInstructionArgs { epoch: EPOCH }),
    );
    run.exec(
        ledger,
        "DistributeNCNRewards",
        &ni::DistributeNcnRewards {
            epoch_state: w.epoch_state,
            config: w.config,
            ncn,
            ncn_reward_router: w.ncn_router,
            ncn_reward_receiver: w.ncn_receiver,
            ncn_fee_wallet: w.fee_wallet,
            system_program: sys,
        }
        .instruction(ni::DistributeNcnRewardsInstructionArgs { epoch: EPOCH }),
    );
    for o in &w.operators {
        run.exec(
            ledger,
            "DistributeOperatorVaultRewardRoute",
            &ni::DistributeOperatorVaultRewardRoute {
                epoch_state: w.epoch_state,
                config: w.config,
                ncn,
                operator: o.address,
                ncn_reward_router: w.ncn_router,
                ncn_reward_receiver: w.ncn_receiver,
                operator_vault_reward_router: o.router,
                operator_vault_reward_receiver: o.receiver,
                system_program: sys,
            }
            .instruction(ni::DistributeOperatorVaultRewardRouteInstructionArgs { epoch: EPOCH }),
        );
        run.exec(
            ledger,
            "RouteOperatorVaultRewards",
            &ni::RouteOperatorVaultRewards {
                epoch_state: w.epoch_state,
                ncn,
                operator: o.address,
                operator_snapshot: o.snapshot,
                operator_vault_reward_router: o.router,
                operator_vault_reward_receiver: o.receiver,
            }
            .instruction(ni::RouteOperatorVaultRewardsInstructionArgs {
                max_iterations: u16::MAX,
                epoch: EPOCH,
            }),
        );
        run.exec(
            ledger,
            "DistributeOperatorRewards",
            &ni::DistributeOperatorRewards {
                epoch_state: w.epoch_state,
                config: w.config,
                ncn,
                operator: o.address,
                operator_snapshot: o.snapshot,
                operator_vault_reward_router: o.router,
                operator_vault_reward_receiver: o.receiver,
                system_program: sys,
            }
            .instruction(ni::DistributeOperatorRewardsInstructionArgs { epoch: EPOCH }),
        );
        for v in &w.vaults {
            run.exec(
                ledger,
                "DistributeVaultRewards",
                &ni::DistributeVaultRewards {
                    epoch_state: w.epoch_state,
                    config: w.config,
                    ncn,
                    operator: o.address,
                    vault: v.address,
                    operator_snapshot: o.snapshot,
                    operator_vault_reward_router: o.router,
                    operator_vault_reward_receiver: o.receiver,
                    system_program: sys,
                }
                .instruction(ni::DistributeVaultRewardsInstructionArgs { epoch: EPOCH }),
            );
        }
    }
    let paid: u64 = [PROTOCOL_FEE_WALLET, w.fee_wallet]
        .iter()
        .map(|k| ledger.accounts[k].lamports)
        .sum();
    assert!(paid > 0, "the fee wallets were paid");

    // Close every epoch account, the epoch state last.
    ledger
        .mollusk
        .warp_to_slot((EPOCH + EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE + 1) * EPOCH_LENGTH + 3);
    let close = |account: Pubkey, extra: Option<(Pubkey, Pubkey)>| {
        ni::CloseEpochAccount {
            epoch_marker: w.marker,
            epoch_state: w.epoch_state,
            config: w.config,
            ncn,
            account_to_close: account,
            account_payer: w.payer,
            system_program: sys,
            ncn_fee_wallet: extra.map(|e| e.0),
            receiver_to_close: extra.map(|e| e.1),
        }
        .instruction(ni::CloseEpochAccountInstructionArgs { epoch: EPOCH })
    };
    let mut to_close = vec![
        close(w.weight_table, None),
        close(w.epoch_snapshot, None),
        close(w.ballot_box, None),
        close(w.ncn_router, Some((w.fee_wallet, w.ncn_receiver))),
    ];
    for o in &w.operators {
        to_close.push(close(o.snapshot, None));
        to_close.push(close(o.router, Some((w.fee_wallet, o.receiver))));
    }
    to_close.push(close(w.epoch_state, None));
    for ix in &to_close {
        run.exec(ledger, "CloseEpochAccount", ix);
        let closed = &ledger.accounts[&ix.accounts[4].pubkey];
        assert_eq!((closed.lamports, closed.data.len()), (0, 0), "closed");
    }
    assert_eq!(ledger.data(&w.marker)[0], 0x51, "the epoch marker stays");
}

/// Records the snapshot and vote rows of a run at `n` operators and the epoch's total; returns
/// the total.
fn record_scaling(run: &Run, n: usize, vaults: usize) -> u64 {
    let tag = format!("{n}-operator{}", if n == 1 { "" } else { "s" });
    for name in [
        "InitializeOperatorSnapshot",
        "SnapshotVaultOperatorDelegation",
        "CastVote",
    ] {
        for result in run.of(name) {
            record_cu("ncn", &format!("{name}/{tag}"), result);
        }
    }
    for result in run.of("CastVote") {
        assert!(
            result.compute_units_consumed <= 2_000,
            "a vote at {n} operators costs {} CU (target 2,000)",
            result.compute_units_consumed
        );
    }
    let (mut total, mut cpi) = (0, 0);
    for (name, result) in &run.records {
        if EPOCH_TOTAL.contains(&name.as_str()) {
            total += result.compute_units_consumed;
            cpi += cpi_compute_units(result);
        }
    }
    record_total(&format!("Epoch/{tag}-{vaults}-vaults"), total, cpi);
    total
}

/// A total over several instructions, recorded as [`record_cu`] records one.
fn record_total(name: &str, total: u64, cpi: u64) {
    let line = format!("CU ncn {name} {total} {cpi}");
    println!("{line}");
    if let Some(path) = std::env::var_os("JITO_CU_OUT") {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("open JITO_CU_OUT");
        file.write_all(format!("{line}\n").as_bytes())
            .expect("write JITO_CU_OUT");
    }
}

#[test]
fn epoch_16_operators_2_vaults() {
    let w = Bench::new(16, 2);
    let (mut run, mut ledger, before_votes) = epoch(&w);
    let consensus = consensus_slot(&ledger, &w);
    assert_eq!(consensus, SLOT, "consensus reached in the voting slot");
    // A stalled epoch (one vote, no consensus) settled by the tie-breaker admin.
    {
        let mut stalled = Ledger::new();
        stalled.accounts = before_votes;
        stalled.exec(&cast_vote(&w, &w.operators[0], 2));
        stalled
            .mollusk
            .warp_to_slot((EPOCH + EPOCHS_BEFORE_STALL) * EPOCH_LENGTH + 9);
        run.exec(
            &mut stalled,
            "AdminSetTieBreaker",
            &ni::AdminSetTieBreaker {
                epoch_state: w.epoch_state,
                config: w.config,
                ballot_box: w.ballot_box,
                ncn: w.ncn,
                tie_breaker_admin: w.tie_breaker,
            }
            .instruction(ni::AdminSetTieBreakerInstructionArgs {
                weather_status: 2,
                epoch: EPOCH,
            }),
        );
        assert_eq!(stalled.data(&w.ballot_box)[81], 2, "tie-breaker ballot");
    }
    rewards_and_close(&mut run, &mut ledger, &w);

    let mut names: Vec<&str> = run.records.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 31, "every instruction ran: {names:?}");
    for (name, result) in &run.records {
        record_cu("ncn", name, result);
    }
    // The target for this total is 150,000 CU; the CI gate holds it to its budget
    // (`compute_reports/budgets.json`), and `programs/ncn/README.md` says where it stands.
    let total = record_scaling(&run, 16, 2);
    println!("epoch of 16 operators x 2 vaults: {total} CU (target 150,000)");
}

#[test]
fn epoch_1_operator() {
    let w = Bench::new(1, 2);
    let (run, _, _) = epoch(&w);
    record_scaling(&run, 1, 2);
}

#[test]
fn epoch_64_operators() {
    let w = Bench::new(64, 2);
    let (run, _, _) = epoch(&w);
    record_scaling(&run, 64, 2);
}
