//! Scenario: one NCN's lifecycle on the one [`World`] with the restaking, vault and NCN programs
//! (`tests/ncn_scenario.rs`, `tests/ncn_negative.rs`), every instruction built by the generated
//! clients ([`crate::world::restaking`], [`crate::world::vault`], [`crate::world::ncn`]).
//!
//! [`NcnScenario::new`] builds, from an [`NcnSpec`], one NCN with `operators` operators and one
//! vault per entry of `vault_mints` (each over one of the stake mints of `mint_weights`):
//!
//! 1. restaking and vault configs, the NCN, the operators (fee per operator), the vaults (the
//!    admin's initial deposit covers the delegations);
//! 2. the opt-in handshake: NCN ↔ operator, NCN → vault and operator → vault tickets warmed up,
//!    then (two epochs later, once active) the vault → NCN tickets warmed up and one
//!    vault-operator delegation per pair, with `delegations[vault][operator]` staked (a zero
//!    amount leaves the delegation empty);
//! 3. the NCN program's config, vault registry (grown to its size), the mints registered with
//!    their weights and every vault registered;
//! 4. two more epochs, the vaults updated: every ticket is active, the world stands at slot
//!    [`EPOCH_OFFSET`] of [`NcnScenario::epoch`], ready for that epoch's lifecycle.
//!
//! The per-epoch steps are methods ([`NcnScenario::epoch_state`], …, [`NcnScenario::cast_vote`];
//! [`NcnScenario::prepare_epoch`] runs all but the votes), each asserting success; every
//! instruction run through [`NcnScenario::exec`] appends `(name, CU)` to [`NcnScenario::cu`].
//! The NCN's addresses and instruction builders are its [`NcnKeys`] (the scenario derefs to
//! them); the `ix_*` methods here only map operator and vault indexes to addresses. Keys are
//! fixed ([`key`]), so PDAs, bumps and CU are the same on every run.

use std::ops::Deref;

use jito_restaking_client::accounts as rc;
use jito_vault_client::{accounts as vc, token_accounts};

use crate::{
    associated_token_address,
    codes::{restaking_tag as rtag, vault_tag as vtag},
    layout_oracle::NcnFields,
    owned_account,
    pda::ncn as pda,
    system_account, token_account_data,
    world::{
        ncn::{ncn_world, NcnKeys},
        restaking as r, vault as v, World,
    },
    Account, Instruction, InstructionResult, Mollusk, Pubkey, RESTAKING_PROGRAM_ID,
    TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

pub use crate::world::ncn::{NCN_PROGRAM_ID, PROTOCOL_FEE_WALLET};

/// Slots per epoch (Mollusk's epoch schedule and the restaking config's `epoch_length`).
pub const EPOCH_LENGTH: u64 = crate::layout_oracle::DEFAULT_EPOCH_LENGTH;
/// The epoch the scenario starts in (the handshake); [`NcnScenario::new`] ends 4 epochs later.
pub const START_EPOCH: u64 = 100;
/// The slot inside each epoch the scenario moves to.
pub const EPOCH_OFFSET: u64 = 1_000;
/// Lamports of every funded wallet (and of the NCN program's account payer).
pub const WALLET_LAMPORTS: u64 = crate::world::FUNDED_LAMPORTS;
/// Supported tokens a vault holds beyond its delegations.
pub const VAULT_SLACK: u64 = 1_000_000;

const KEY_BASE: Pubkey = Pubkey::new_from_array(*b"jito ncn world: fixed keys base!");
const KEY_OWNER: Pubkey = Pubkey::new_from_array(*b"jito ncn world: fixed keys owner");

/// The fixed key named `label` (at most 32 bytes).
pub fn key(label: &str) -> Pubkey {
    crate::world::labelled_key(&KEY_BASE, &KEY_OWNER, label)
}

/// Slot `offset` of `epoch`.
pub fn slot_at(epoch: u64, offset: u64) -> u64 {
    epoch * EPOCH_LENGTH + offset
}

/// SPL Token associated token address.
pub fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

/// What to build: operators, mints with their weights, vaults and delegations, NCN parameters.
#[derive(Clone, Debug)]
pub struct NcnSpec {
    /// Number of operators.
    pub operators: usize,
    /// One stake mint per entry, with its weight (registered with `AdminRegisterStMint`).
    pub mint_weights: Vec<u128>,
    /// One vault per entry: the index of its mint in `mint_weights`.
    pub vault_mints: Vec<usize>,
    /// Staked amount of each delegation, `delegations[vault][operator]` (0: no stake).
    pub delegations: Vec<Vec<u64>>,
    /// Each operator's fee (restaking `operator_fee_bps`).
    pub operator_fee_bps: Vec<u16>,
    pub ncn_fee_bps: u16,
    pub epochs_before_stall: u64,
    pub epochs_after_consensus_before_close: u64,
    pub valid_slots_after_consensus: u64,
}

impl NcnSpec {
    /// `operators` operators and `vaults` vaults alternating over two mints (weights 1 and 2),
    /// operator `o` of vault `v` staked `1_000_000 × (o + 1) + 1_000 × v`, every operator fee
    /// 100 bps; NCN fee 300 bps, stall after 3 epochs, close 10 epochs after consensus (the
    /// template's minimum), 1,000 slots of late votes (its minimum).
    pub fn uniform(operators: usize, vaults: usize) -> Self {
        Self {
            operators,
            mint_weights: vec![1, 2],
            vault_mints: (0..vaults).map(|v| v % 2).collect(),
            delegations: (0..vaults)
                .map(|v| {
                    (0..operators)
                        .map(|o| 1_000_000 * (o as u64 + 1) + 1_000 * v as u64)
                        .collect()
                })
                .collect(),
            operator_fee_bps: vec![100; operators],
            ncn_fee_bps: 300,
            epochs_before_stall: 3,
            epochs_after_consensus_before_close: 10,
            valid_slots_after_consensus: 1_000,
        }
    }
}

/// A stake mint of the scenario.
#[derive(Clone, Debug)]
pub struct MintInfo {
    pub mint: Pubkey,
    pub authority: Pubkey,
    pub weight: u128,
}

/// An operator of the scenario.
#[derive(Clone, Debug)]
pub struct OperatorInfo {
    pub address: Pubkey,
    pub admin: Pubkey,
    /// The operator's voter (restaking `Operator::voter`, the admin at creation).
    pub voter: Pubkey,
    pub fee_bps: u16,
    /// Its index in the NCN (`NcnOperatorState::index`).
    pub ncn_index: u64,
}

/// A vault of the scenario.
#[derive(Clone, Debug)]
pub struct VaultInfo {
    pub address: Pubkey,
    pub admin: Pubkey,
    pub vrt_mint: Pubkey,
    /// Index of its mint in [`NcnScenario::mints`].
    pub mint: usize,
    /// The vault's index in the vault program (`Vault::vault_index`).
    pub index: u64,
}

pub struct NcnScenario {
    pub world: World,
    pub spec: NcnSpec,
    pub keys: NcnKeys,
    pub payer: Pubkey,
    pub vault_config: Pubkey,
    pub mints: Vec<MintInfo>,
    pub operators: Vec<OperatorInfo>,
    pub vaults: Vec<VaultInfo>,
    /// `(instruction, CU)` of every instruction run through [`NcnScenario::exec`], in order.
    pub cu: Vec<(&'static str, u64)>,
}

impl Deref for NcnScenario {
    type Target = NcnKeys;
    fn deref(&self) -> &NcnKeys {
        &self.keys
    }
}

impl NcnScenario {
    /// The scenario of `spec`, ready for the lifecycle of [`NcnScenario::epoch`] (module docs).
    pub fn new(spec: NcnSpec) -> Self {
        let mut s = Self::handshake(spec);
        s.ncn_program_setup();
        s
    }

    /// Steps 1 and 2 of [`NcnScenario::new`] only: the restaking and vault accounts, no NCN
    /// program account yet (for the tests of the NCN program's set-up instructions).
    pub fn handshake(spec: NcnSpec) -> Self {
        assert_eq!(spec.delegations.len(), spec.vault_mints.len());
        assert!(spec.delegations.iter().all(|d| d.len() == spec.operators));
        assert_eq!(spec.operator_fee_bps.len(), spec.operators);
        let ncn_base = key("ncn-base");
        let keys = NcnKeys::new(
            rc::Ncn::find_pda(&ncn_base).0,
            key("ncn-admin"),
            key("ncn-fee-wallet"),
            key("tie-breaker-admin"),
        );
        let mut s = Self {
            world: ncn_world(slot_at(START_EPOCH, EPOCH_OFFSET)),
            keys,
            payer: key("payer"),
            vault_config: vc::Config::find_pda().0,
            mints: (spec.mint_weights.iter().enumerate())
                .map(|(i, &weight)| MintInfo {
                    mint: key(&format!("st-mint-{i}")),
                    authority: key(&format!("st-mint-authority-{i}")),
                    weight,
                })
                .collect(),
            operators: Vec::new(),
            vaults: Vec::new(),
            cu: Vec::new(),
            spec,
        };
        s.restaking_and_vault_setup(ncn_base);
        s
    }

    // -- the ledger --------------------------------------------------------------------------

    /// Runs `ix` against the world, committing only a success ([`World::apply`]: a failure
    /// must change nothing).
    #[track_caller]
    pub fn try_exec(&mut self, ix: &Instruction) -> InstructionResult {
        self.world.apply(ix)
    }

    /// Runs `ix`, which must succeed, and records its CU under `name`.
    #[track_caller]
    pub fn exec(&mut self, name: &'static str, ix: &Instruction) -> InstructionResult {
        let result = self.try_exec(ix);
        assert!(
            result.program_result.is_ok(),
            "{name} failed: {:?}",
            result.program_result
        );
        self.cu.push((name, result.compute_units_consumed));
        result
    }

    /// The account at `key` (an empty system account if there is none).
    pub fn get(&self, key: &Pubkey) -> Account {
        self.world.account(key)
    }

    pub fn exists(&self, key: &Pubkey) -> bool {
        let a = self.world.account(key);
        a.lamports > 0 || !a.data.is_empty()
    }

    pub fn lamports(&self, key: &Pubkey) -> u64 {
        self.world.account(key).lamports
    }

    /// A Mollusk with the three programs at the scenario's clock (for the negative engine,
    /// which runs an instruction against given accounts).
    pub fn fresh_mollusk(&self) -> Mollusk {
        ncn_world(self.slot()).mollusk
    }

    /// The current state of every account `ix` references, one per key, in meta order.
    pub fn accounts_of(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        self.world.accounts_for(ix)
    }

    pub fn set(&mut self, key: Pubkey, account: Account) {
        self.world.set(key, account);
    }

    pub fn slot(&self) -> u64 {
        self.world.slot()
    }

    /// The current epoch (the clock's).
    pub fn epoch(&self) -> u64 {
        self.world.mollusk.sysvars.clock.epoch
    }

    /// Moves the clock forward to `slot`.
    pub fn warp(&mut self, slot: u64) {
        assert!(slot >= self.slot(), "the scenario only moves forward");
        self.world.warp(slot);
    }

    /// Moves to slot [`EPOCH_OFFSET`] of `epoch` and updates every vault for it.
    pub fn advance_to_epoch(&mut self, epoch: u64) {
        self.warp(slot_at(epoch, EPOCH_OFFSET));
        self.update_vaults();
    }

    // -- set-up ------------------------------------------------------------------------------

    fn restaking_and_vault_setup(&mut self, ncn_base: Pubkey) {
        let (payer, ncn, ncn_admin) = (self.payer, self.ncn, self.ncn_admin);
        let (rconfig, vconfig) = (self.restaking_config, self.vault_config);
        let (restaking_admin, vault_config_admin) =
            (key("restaking-admin"), key("vault-config-admin"));
        for k in [
            payer,
            ncn_admin,
            restaking_admin,
            vault_config_admin,
            self.account_payer,
        ] {
            self.world.fund(&k);
        }
        for m in &self.mints {
            self.world.put_mint(&m.mint, &m.authority, 0, 9);
        }

        // Configs, NCN, operators.
        let ix = r::initialize_config_ix(&rconfig, &restaking_admin, &VAULT_PROGRAM_ID);
        self.exec("restaking InitializeConfig", &ix);
        let ix = v::initialize_config(
            &vconfig,
            &vault_config_admin,
            &RESTAKING_PROGRAM_ID,
            &key("program-fee-wallet"),
            0,
        );
        self.exec("vault InitializeConfig", &ix);
        let ix = r::initialize_ncn_ix(&rconfig, &ncn, &ncn_admin, &ncn_base);
        self.exec("restaking InitializeNcn", &ix);
        for o in 0..self.spec.operators {
            let base = key(&format!("operator-base-{o}"));
            let admin = key(&format!("operator-admin-{o}"));
            self.world.fund(&admin);
            let address = rc::Operator::find_pda(&base).0;
            let fee_bps = self.spec.operator_fee_bps[o];
            let ix = r::initialize_operator_ix(&rconfig, &address, &admin, &base, fee_bps);
            self.exec("restaking InitializeOperator", &ix);
            let voter = rc::Operator::from_bytes(&self.get(&address).data)
                .unwrap()
                .voter;
            let ncn_index = o as u64;
            self.operators.push(OperatorInfo {
                address,
                admin,
                voter,
                fee_bps,
                ncn_index,
            });
        }

        // Vaults: the admin's supported tokens, the vault's token accounts (real ATA program),
        // InitializeVault depositing what the delegations need.
        for (i, &mint) in self.spec.vault_mints.clone().iter().enumerate() {
            let st_mint = self.mints[mint].mint;
            let base = key(&format!("vault-base-{i}"));
            let admin = key(&format!("vault-admin-{i}"));
            let vrt_mint = key(&format!("vrt-mint-{i}"));
            self.world.fund(&admin);
            let address = vc::Vault::find_pda(&base).0;
            for ix in token_accounts::for_initialize_vault(
                &payer,
                &admin,
                &address,
                &st_mint,
                &TOKEN_PROGRAM_ID,
            ) {
                self.exec("ata CreateIdempotent", &ix);
            }
            let deposit = self.spec.delegations[i].iter().sum::<u64>() + VAULT_SLACK;
            let admin_ata = token_account_data(&st_mint, &admin, deposit);
            self.set(
                ata(&admin, &st_mint),
                owned_account(&TOKEN_PROGRAM_ID, admin_ata),
            );
            let ix = v::initialize_vault(
                &vconfig, &address, &vrt_mint, &st_mint, &admin, &base, deposit,
            );
            self.exec("vault InitializeVault", &ix);
            let index = vc::Vault::from_bytes(&self.get(&address).data)
                .unwrap()
                .vault_index;
            self.vaults.push(VaultInfo {
                address,
                admin,
                vrt_mint,
                mint,
                index,
            });
        }

        // Restaking side of the handshake, warmed up in the same epoch.
        let ops = self.operators.clone();
        let vaults = self.vaults.clone();
        for op in &ops {
            let state = self.ncn_operator_state_of(&op.address);
            let ix = r::initialize_pair_ix(
                rtag::INITIALIZE_NCN_OPERATOR_STATE,
                &rconfig,
                &ncn,
                &op.address,
                &state,
                &ncn_admin,
                &payer,
            );
            self.exec("restaking InitializeNcnOperatorState", &ix);
        }
        for vault in &vaults {
            let ticket = self.ncn_vault_ticket_of(&vault.address);
            let ix = r::initialize_pair_ix(
                rtag::INITIALIZE_NCN_VAULT_TICKET,
                &rconfig,
                &ncn,
                &vault.address,
                &ticket,
                &ncn_admin,
                &payer,
            );
            self.exec("restaking InitializeNcnVaultTicket", &ix);
            for op in &ops {
                let ticket = rc::OperatorVaultTicket::find_pda(&op.address, &vault.address).0;
                let ix = r::initialize_pair_ix(
                    rtag::INITIALIZE_OPERATOR_VAULT_TICKET,
                    &rconfig,
                    &op.address,
                    &vault.address,
                    &ticket,
                    &op.admin,
                    &payer,
                );
                self.exec("restaking InitializeOperatorVaultTicket", &ix);
            }
        }
        self.warp(slot_at(START_EPOCH, EPOCH_OFFSET + 10));
        for op in &ops {
            let state = self.ncn_operator_state_of(&op.address);
            let ix = r::toggle_ix(
                rtag::NCN_WARMUP_OPERATOR,
                &rconfig,
                &ncn,
                &op.address,
                &state,
                &ncn_admin,
            );
            self.exec("restaking NcnWarmupOperator", &ix);
            let ix = r::toggle_ix(
                rtag::OPERATOR_WARMUP_NCN,
                &rconfig,
                &ncn,
                &op.address,
                &state,
                &op.admin,
            );
            self.exec("restaking OperatorWarmupNcn", &ix);
        }
        for vault in &vaults {
            let ticket = self.ncn_vault_ticket_of(&vault.address);
            let ix = r::toggle_ix(
                rtag::WARMUP_NCN_VAULT_TICKET,
                &rconfig,
                &ncn,
                &vault.address,
                &ticket,
                &ncn_admin,
            );
            self.exec("restaking WarmupNcnVaultTicket", &ix);
            for op in &ops {
                let ticket = rc::OperatorVaultTicket::find_pda(&op.address, &vault.address).0;
                let ix = r::toggle_ix(
                    rtag::WARMUP_OPERATOR_VAULT_TICKET,
                    &rconfig,
                    &op.address,
                    &vault.address,
                    &ticket,
                    &op.admin,
                );
                self.exec("restaking WarmupOperatorVaultTicket", &ix);
            }
        }

        // Two epochs later the restaking tickets are active: the vault side of the handshake,
        // the delegations, the NCN program's config and registry.
        self.advance_to_epoch(START_EPOCH + 2);
        for (i, vault) in vaults.iter().enumerate() {
            let ix = v::initialize_vault_ncn_ticket(
                &vconfig,
                &vault.address,
                &ncn,
                &self.ncn_vault_ticket_of(&vault.address),
                &self.vault_ncn_ticket_of(&vault.address),
                &vault.admin,
                &payer,
            );
            self.exec("vault InitializeVaultNcnTicket", &ix);
            for (o, op) in ops.iter().enumerate() {
                let delegation =
                    vc::VaultOperatorDelegation::find_pda(&vault.address, &op.address).0;
                let ix = v::initialize_vault_operator_delegation(
                    &vconfig,
                    &vault.address,
                    &op.address,
                    &rc::OperatorVaultTicket::find_pda(&op.address, &vault.address).0,
                    &delegation,
                    &vault.admin,
                    &payer,
                );
                self.exec("vault InitializeVaultOperatorDelegation", &ix);
                let amount = self.spec.delegations[i][o];
                if amount > 0 {
                    let ix = v::delegation_change(
                        vtag::ADD_DELEGATION,
                        &vconfig,
                        &vault.address,
                        &op.address,
                        &delegation,
                        &vault.admin,
                        amount,
                    );
                    self.exec("vault AddDelegation", &ix);
                }
            }
        }
        self.warp(slot_at(START_EPOCH + 2, EPOCH_OFFSET + 10));
        for vault in &vaults {
            let ix = v::vault_ncn_ticket_toggle(
                vtag::WARMUP_VAULT_NCN_TICKET,
                &vconfig,
                &vault.address,
                &ncn,
                &self.vault_ncn_ticket_of(&vault.address),
                &vault.admin,
            );
            self.exec("vault WarmupVaultNcnTicket", &ix);
        }
    }

    /// Step 3 and 4 of [`NcnScenario::new`]: the NCN program's config and vault registry, the
    /// mints and vaults registered, two epochs on.
    fn ncn_program_setup(&mut self) {
        let vaults = self.vaults.clone();
        let spec = self.spec.clone();
        let ix = self.initialize_config_ix(
            (
                spec.epochs_before_stall,
                spec.epochs_after_consensus_before_close,
                spec.valid_slots_after_consensus,
            ),
            spec.ncn_fee_bps,
        );
        self.exec("InitializeConfig", &ix);
        let ix = self.initialize_vault_registry_ix();
        self.exec("InitializeVaultRegistry", &ix);
        let (registry, len) = (
            self.vault_registry,
            jito_ncn_client::accounts::VaultRegistry::LEN,
        );
        self.grow(
            registry,
            len,
            |k| k.realloc_vault_registry_ix(),
            "ReallocVaultRegistry",
        );
        for m in self.mints.clone() {
            let ix = self.admin_register_st_mint_ix(&m.mint, Some(m.weight));
            self.exec("AdminRegisterStMint", &ix);
        }
        for vault in &vaults {
            let ix = self.register_vault_ix(&vault.address);
            self.exec("RegisterVault", &ix);
        }

        // Two more epochs: the vault NCN tickets are active too.
        self.advance_to_epoch(START_EPOCH + 4);
    }

    /// Runs the realloc instruction `build` until `account` has `len` bytes (at most 8 times).
    pub fn grow(
        &mut self,
        account: Pubkey,
        len: usize,
        build: impl Fn(&NcnKeys) -> Instruction,
        name: &'static str,
    ) {
        for _ in 0..8 {
            if self.get(&account).data.len() == len {
                return;
            }
            let ix = build(&self.keys);
            self.exec(name, &ix);
        }
        assert_eq!(
            self.get(&account).data.len(),
            len,
            "{name}: not grown to size"
        );
    }

    /// Updates every vault for the current epoch: the update state tracker, a crank per
    /// delegation (round-robin from index `epoch % delegations`, as the vault requires), the
    /// close.
    pub fn update_vaults(&mut self) {
        let epoch = self.epoch();
        let (payer, vconfig) = (self.payer, self.vault_config);
        for i in 0..self.vaults.len() {
            let vault = self.vaults[i].address;
            let tracker = vc::VaultUpdateStateTracker::find_pda(&vault, epoch).0;
            let ix =
                v::initialize_vault_update_state_tracker(&vconfig, &vault, &tracker, &payer, 0);
            self.exec("vault InitializeVaultUpdateStateTracker", &ix);
            let delegations = vc::Vault::from_bytes(&self.get(&vault).data)
                .unwrap()
                .operator_count;
            // The vault program cranks round-robin from delegation `epoch % count`.
            for d in 0..delegations {
                let operator = self.operators[((epoch + d) % delegations) as usize].address;
                let delegation = vc::VaultOperatorDelegation::find_pda(&vault, &operator).0;
                let ix = v::crank_vault_update_state_tracker(
                    &vconfig,
                    &vault,
                    &operator,
                    &delegation,
                    &tracker,
                );
                self.exec("vault CrankVaultUpdateStateTracker", &ix);
            }
            let ix = v::close_vault_update_state_tracker(&vconfig, &vault, &tracker, &payer, epoch);
            self.exec("vault CloseVaultUpdateStateTracker", &ix);
        }
    }

    // -- addresses and instructions by operator / vault index --------------------------------

    pub fn operator_snapshot_address(&self, operator: usize, epoch: u64) -> Pubkey {
        self.operator_snapshot_of(&self.operators[operator].address, epoch)
    }
    pub fn operator_vault_reward_router_address(&self, operator: usize, epoch: u64) -> Pubkey {
        self.operator_router_of(&self.operators[operator].address, epoch)
    }
    pub fn operator_vault_reward_receiver_address(&self, operator: usize, epoch: u64) -> Pubkey {
        self.operator_receiver_of(&self.operators[operator].address, epoch)
    }
    pub fn ix_snapshot_vault_operator_delegation(
        &self,
        o: usize,
        v: usize,
        epoch: u64,
    ) -> Instruction {
        let (op, vault) = (&self.operators[o].address, &self.vaults[v].address);
        self.snapshot_vault_operator_delegation_ix(op, vault, epoch)
    }
    /// Operator `operator`'s voter votes `weather_status` in `epoch`.
    pub fn ix_cast_vote(&self, operator: usize, weather_status: u8, epoch: u64) -> Instruction {
        let op = &self.operators[operator];
        self.cast_vote_ix(&op.address, &op.voter, weather_status, epoch)
    }
    pub fn ix_initialize_operator_vault_reward_router(&self, o: usize, epoch: u64) -> Instruction {
        self.initialize_operator_vault_reward_router_ix(&self.operators[o].address, epoch)
    }
    pub fn ix_distribute_operator_vault_reward_route(&self, o: usize, epoch: u64) -> Instruction {
        self.distribute_operator_vault_reward_route_ix(&self.operators[o].address, epoch)
    }
    pub fn ix_route_operator_vault_rewards(&self, o: usize, max: u16, epoch: u64) -> Instruction {
        self.route_operator_vault_rewards_ix(&self.operators[o].address, max, epoch)
    }
    pub fn ix_distribute_operator_rewards(&self, o: usize, epoch: u64) -> Instruction {
        self.distribute_operator_rewards_ix(&self.operators[o].address, epoch)
    }
    pub fn ix_distribute_vault_rewards(&self, o: usize, v: usize, epoch: u64) -> Instruction {
        let (op, vault) = (&self.operators[o].address, &self.vaults[v].address);
        self.distribute_vault_rewards_ix(op, vault, epoch)
    }

    // -- steps of an epoch (run, each must succeed) ------------------------------------------

    /// `InitializeEpochState`.
    pub fn epoch_state(&mut self, epoch: u64) {
        let ix = self.initialize_epoch_state_ix(epoch);
        self.exec("InitializeEpochState", &ix);
    }

    /// `InitializeWeightTable`, `ReallocWeightTable` until full size, `SetEpochWeights`.
    pub fn weight_table(&mut self, epoch: u64) {
        let ix = self.initialize_weight_table_ix(epoch);
        self.exec("InitializeWeightTable", &ix);
        let (table, len) = (
            self.weight_table_address(epoch),
            jito_ncn_client::accounts::WeightTable::LEN,
        );
        self.grow(
            table,
            len,
            |k| k.realloc_weight_table_ix(epoch),
            "ReallocWeightTable",
        );
        let ix = self.set_epoch_weights_ix(epoch);
        self.exec("SetEpochWeights", &ix);
    }

    /// `InitializeEpochSnapshot`.
    pub fn epoch_snapshot(&mut self, epoch: u64) {
        let ix = self.initialize_epoch_snapshot_ix(epoch);
        self.exec("InitializeEpochSnapshot", &ix);
    }

    /// `InitializeOperatorSnapshot` of every operator.
    pub fn operator_snapshots(&mut self, epoch: u64) {
        for o in 0..self.operators.len() {
            let ix = self.initialize_operator_snapshot_ix(&self.operators[o].address, epoch);
            self.exec("InitializeOperatorSnapshot", &ix);
        }
    }

    /// `SnapshotVaultOperatorDelegation` of every (operator, vault) pair, operator by operator.
    pub fn delegation_snapshots(&mut self, epoch: u64) {
        for o in 0..self.operators.len() {
            for v in 0..self.vaults.len() {
                let ix = self.ix_snapshot_vault_operator_delegation(o, v, epoch);
                self.exec("SnapshotVaultOperatorDelegation", &ix);
            }
        }
    }

    /// `InitializeBallotBox` (and the consensus result), `ReallocBallotBox` until full size.
    pub fn ballot_box(&mut self, epoch: u64) {
        let ix = self.initialize_ballot_box_ix(epoch);
        self.exec("InitializeBallotBox", &ix);
        let (bb, len) = (
            self.ballot_box_address(epoch),
            jito_ncn_client::accounts::BallotBox::LEN,
        );
        self.grow(
            bb,
            len,
            |k| k.realloc_ballot_box_ix(epoch),
            "ReallocBallotBox",
        );
    }

    /// Everything before the votes: epoch state, weight table, epoch snapshot, operator and
    /// delegation snapshots, ballot box.
    pub fn prepare_epoch(&mut self, epoch: u64) {
        self.epoch_state(epoch);
        self.weight_table(epoch);
        self.epoch_snapshot(epoch);
        self.operator_snapshots(epoch);
        self.delegation_snapshots(epoch);
        self.ballot_box(epoch);
    }

    /// Operator `operator` votes `weather_status` (must succeed).
    pub fn cast_vote(
        &mut self,
        operator: usize,
        weather_status: u8,
        epoch: u64,
    ) -> InstructionResult {
        let ix = self.ix_cast_vote(operator, weather_status, epoch);
        self.exec("CastVote", &ix)
    }

    /// `InitializeNcnRewardRouter` (and its funded receiver), `ReallocNcnRewardRouter` until full
    /// size.
    pub fn ncn_reward_router(&mut self, epoch: u64) {
        let ix = self.initialize_ncn_reward_router_ix(epoch);
        self.exec("InitializeNCNRewardRouter", &ix);
        let (router, len) = (
            self.ncn_reward_router_address(epoch),
            jito_ncn_client::accounts::NcnRewardRouter::LEN,
        );
        self.grow(
            router,
            len,
            |k| k.realloc_ncn_reward_router_ix(epoch),
            "ReallocNCNRewardRouter",
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The compute benchmark's NCN (`tests/ncn_bench.rs`)
// ---------------------------------------------------------------------------------------------

/// The benchmark's epoch: the restaking and vault accounts were set up two epochs earlier.
pub const BENCH_EPOCH: u64 = 10;
/// The benchmark's slot in [`BENCH_EPOCH`].
pub const BENCH_SLOT: u64 = BENCH_EPOCH * EPOCH_LENGTH + 77;
const BENCH_SETUP_SLOT: u64 = (BENCH_EPOCH - 2) * EPOCH_LENGTH + 5;

/// A fixed key of the benchmark, from a label.
pub fn bench_key(label: &str) -> Pubkey {
    let digest = <sha2::Sha256 as sha2::Digest>::digest(format!("ncn-bench/{label}").as_bytes());
    Pubkey::new_from_array(digest.into())
}

/// The NCN's base: the first labelled key whose NCN's account payer has bump 255, as half of
/// all NCNs' do. The payer's canonical PDA is checked in every instruction that creates or
/// grows an account, one hash and curve check per bump tried (a payer with bump 245, as the
/// label `ncn-base` gave, costs about 3,000 CU more in each of those instructions).
fn bench_ncn_base() -> Pubkey {
    (0..)
        .map(|i| bench_key(&format!("ncn-base-{i}")))
        .find(|base| {
            let ncn = rc::Ncn::find_pda(base).0;
            jito_ncn_client::pdas::find_account_payer(&NCN_PROGRAM_ID, &ncn, &ncn).1 == u8::MAX
        })
        .expect("some base")
}

/// An operator of the benchmark: its address and admin (also its voter).
pub struct BenchOperator {
    pub address: Pubkey,
    pub admin: Pubkey,
}

/// A vault of the benchmark: its address and stake mint.
pub struct BenchVault {
    pub address: Pubkey,
    pub mint: Pubkey,
}

/// One NCN with `operators` operators and `vaults` vaults (vault `j` over mint `j % 2`), the
/// NCN admin holding every NCN-program role but the tie-breaker.
pub struct NcnBench {
    pub keys: NcnKeys,
    pub mints: [Pubkey; 2],
    pub operators: Vec<BenchOperator>,
    pub vaults: Vec<BenchVault>,
}

impl NcnBench {
    pub fn new(operators: usize, vaults: usize) -> Self {
        let ncn = rc::Ncn::find_pda(&bench_ncn_base()).0;
        let keys = NcnKeys::new(
            ncn,
            bench_key("ncn-admin"),
            bench_key("ncn-fee-wallet"),
            bench_key("tie-breaker"),
        );
        let mints = [bench_key("st-mint-0"), bench_key("st-mint-1")];
        Self {
            keys,
            mints,
            operators: (0..operators)
                .map(|i| BenchOperator {
                    address: rc::Operator::find_pda(&bench_key(&format!("operator-base-{i}"))).0,
                    admin: bench_key(&format!("operator-admin-{i}")),
                })
                .collect(),
            vaults: (0..vaults)
                .map(|j| BenchVault {
                    address: vc::Vault::find_pda(&bench_key(&format!("vault-base-{j}"))).0,
                    mint: mints[j % 2],
                })
                .collect(),
        }
    }

    /// A World at [`BENCH_SLOT`] holding the restaking and vault accounts as their programs
    /// leave them after the NCN, its operators and vaults opted in (two epochs before
    /// [`BENCH_EPOCH`]; laid out by the layout oracle, so that the benchmark's accounts do not
    /// move with the restaking and vault programs' own set-up), wallets and the funded account
    /// payer.
    pub fn world(&self) -> World {
        use crate::layout_oracle::{
            ncn_operator_state_bytes, ncn_vault_ticket_bytes, ConfigFields, Delegation, NcnFields,
            OperatorFields, Toggle, VaultNcnTicketState, VaultOperatorDelegationState, VaultState,
        };
        let mut world = ncn_world(BENCH_SLOT);
        assert_eq!(
            world.mollusk.sysvars.clock.epoch, BENCH_EPOCH,
            "Mollusk's epoch schedule"
        );
        let (r, v) = (&RESTAKING_PROGRAM_ID, &VAULT_PROGRAM_ID);
        let k = &self.keys;
        // Created one slot before its warm-up (a toggle cannot warm up in its creation slot).
        let active = Toggle {
            added: BENCH_SETUP_SLOT,
            removed: BENCH_SETUP_SLOT - 1,
        };
        let toggle = (active.added, active.removed);
        let (operators, vaults) = (self.operators.len() as u64, self.vaults.len() as u64);
        let config = ConfigFields::new(bench_key("restaking-admin"));
        world.set(rc::Config::find_pda().0, config.account());
        let ncn = NcnFields {
            operator_count: operators,
            vault_count: vaults,
            ..NcnFields::new(bench_ncn_base(), k.ncn_admin, 0)
        };
        world.set(k.ncn, ncn.account());
        for (i, o) in self.operators.iter().enumerate() {
            let base = bench_key(&format!("operator-base-{i}"));
            let operator = OperatorFields {
                ncn_count: 1,
                vault_count: vaults,
                ..OperatorFields::new(base, o.admin, i as u64, 500)
            };
            world.set(o.address, operator.account());
            let state = ncn_operator_state_bytes(&k.ncn, &o.address, i as u64, toggle, toggle);
            let address = rc::NcnOperatorState::find_pda(&k.ncn, &o.address).0;
            world.put_owned(address, r, state);
            world.set(o.admin, system_account(1_000_000_000));
        }
        for (j, vk) in self.vaults.iter().enumerate() {
            let (base, admin) = (
                bench_key(&format!("vault-base-{j}")),
                bench_key(&format!("vault-admin-{j}")),
            );
            // `Vault::new` at the setup slot, then what the benchmark's set-up changed.
            let vault = VaultState {
                vault_index: j as u64,
                ncn_count: 1,
                operator_count: operators,
                program_fee_bps: 10,
                // Updated this epoch (the vault crank ran).
                last_full_state_update_slot: BENCH_SLOT - 10,
                last_start_state_update_slot: BENCH_SLOT - 10,
                ..VaultState::new(
                    base,
                    bench_key(&format!("vrt-{j}")),
                    vk.mint,
                    admin,
                    BENCH_SETUP_SLOT,
                )
            };
            world.put_owned(vk.address, v, vault.to_bytes());
            let (address, bump) = vc::VaultNcnTicket::find_pda(&vk.address, &k.ncn);
            let ticket = VaultNcnTicketState {
                vault: vk.address,
                ncn: k.ncn,
                index: 0,
                state: active,
                bump,
            };
            world.put_owned(address, v, ticket.to_bytes());
            let ticket = ncn_vault_ticket_bytes(&k.ncn, &vk.address, j as u64, toggle);
            world.put_owned(
                rc::NcnVaultTicket::find_pda(&k.ncn, &vk.address).0,
                r,
                ticket,
            );
            for (i, o) in self.operators.iter().enumerate() {
                let (address, bump) =
                    vc::VaultOperatorDelegation::find_pda(&vk.address, &o.address);
                let delegation = VaultOperatorDelegationState {
                    vault: vk.address,
                    operator: o.address,
                    // Different stakes, so that the tallies differ per operator.
                    delegation: Delegation::new(
                        1_000_000_000_000 + 7_919 * (i * 3 + j) as u64,
                        0,
                        0,
                    ),
                    last_update_slot: BENCH_SLOT - 10,
                    index: i as u64,
                    bump,
                };
                world.put_owned(address, v, delegation.to_bytes());
            }
        }
        for mint in &self.mints {
            world.put_mint(mint, &k.ncn_admin, 0, 9);
        }
        world.set(k.ncn_admin, system_account(10_000_000_000));
        world.set(k.tie_breaker_admin, system_account(1_000_000_000));
        world.set(k.ncn_fee_wallet, system_account(0));
        world.set(PROTOCOL_FEE_WALLET, system_account(0));
        world.set(k.account_payer, system_account(1_000_000_000_000));
        world
    }
}

// ---------------------------------------------------------------------------------------------
// An NCN laid out by hand (`tests/ncn_program.rs`)
// ---------------------------------------------------------------------------------------------

/// An NCN whose NCN-program accounts the tests lay out by hand (the layout oracle's
/// `ncn_layout`), under the NCN program deployed at `program`: fresh keys, the restaking NCN's
/// fields, and every NCN-program PDA with its bump from the template's seeds ([`crate::pda::ncn`]).
pub struct HandNcn {
    pub program: Pubkey,
    pub admin: Pubkey,
    pub ncn: NcnFields,
    pub ncn_key: Pubkey,
    pub payer: Pubkey,
    pub config: (Pubkey, u8),
    pub registry: (Pubkey, u8),
    pub fee_wallet: Pubkey,
    pub tie_breaker: Pubkey,
}

impl HandNcn {
    /// A new NCN (restaking index 3, every role held by a new admin).
    pub fn new(program: Pubkey) -> Self {
        let admin = Pubkey::new_unique();
        let ncn = NcnFields::new(Pubkey::new_unique(), admin, 3);
        let ncn_key = ncn.address();
        Self {
            program,
            admin,
            payer: pda::account_payer(&program, &ncn_key).0,
            config: pda::config(&program, &ncn_key),
            registry: pda::vault_registry(&program, &ncn_key),
            ncn,
            ncn_key,
            fee_wallet: Pubkey::new_unique(),
            tie_breaker: Pubkey::new_unique(),
        }
    }

    /// The NCN's addresses and instruction builders ([`NcnKeys`]).
    pub fn k(&self) -> NcnKeys {
        NcnKeys::at(
            self.program,
            self.ncn_key,
            self.admin,
            self.fee_wallet,
            self.tie_breaker,
        )
    }

    /// The restaking NCN account.
    pub fn ncn_account(&self) -> Account {
        owned_account(&RESTAKING_PROGRAM_ID, self.ncn.bytes())
    }

    /// An account of the NCN program holding `data`.
    pub fn owned(&self, data: Vec<u8>) -> Account {
        owned_account(&self.program, data)
    }

    pub fn marker(&self, epoch: u64) -> Pubkey {
        pda::epoch_marker(&self.program, &self.ncn_key, epoch).0
    }
    fn of_epoch(&self, prefix: &str, epoch: u64) -> (Pubkey, u8) {
        pda::of_epoch(&self.program, prefix, &self.ncn_key, epoch)
    }
    pub fn epoch_state(&self, epoch: u64) -> (Pubkey, u8) {
        self.of_epoch("epoch_state", epoch)
    }
    pub fn weight_table(&self, epoch: u64) -> (Pubkey, u8) {
        self.of_epoch("weight_table", epoch)
    }
    pub fn epoch_snapshot(&self, epoch: u64) -> (Pubkey, u8) {
        self.of_epoch("epoch_snapshot", epoch)
    }
    pub fn ballot_box(&self, epoch: u64) -> (Pubkey, u8) {
        self.of_epoch("ballot_box", epoch)
    }
    pub fn consensus_result(&self, epoch: u64) -> (Pubkey, u8) {
        self.of_epoch("consensus-result", epoch)
    }
    pub fn ncn_reward_router(&self, epoch: u64) -> (Pubkey, u8) {
        self.of_epoch("ncn_reward_router", epoch)
    }
    pub fn ncn_reward_receiver(&self, epoch: u64) -> Pubkey {
        self.of_epoch("ncn_reward_receiver", epoch).0
    }
    /// `operator`'s snapshot, vault reward router or receiver (`prefix`) in `epoch`.
    pub fn of_operator(&self, prefix: &str, operator: &Pubkey, epoch: u64) -> (Pubkey, u8) {
        pda::of_operator(&self.program, prefix, operator, &self.ncn_key, epoch)
    }
}
