//! The NCN world: the restaking, vault and NCN programs (the built `.so` files) and the real SPL
//! Token and Associated Token Account programs in one Mollusk ledger ([`MolluskContext`]: every
//! successful instruction's accounts are kept, a failed one changes nothing), driven only through
//! the generated clients (`jito-restaking-client`, `jito-vault-client`, `jito-ncn-client`).
//!
//! [`NcnWorld::new`] builds, from an [`NcnSpec`], one NCN with `operators` operators and one
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
//!    [`EPOCH_OFFSET`] of [`NcnWorld::epoch`], ready for that epoch's lifecycle.
//!
//! The per-epoch steps are methods ([`NcnWorld::epoch_state`], [`NcnWorld::weight_table`],
//! [`NcnWorld::epoch_snapshot`], [`NcnWorld::operator_snapshots`],
//! [`NcnWorld::delegation_snapshots`], [`NcnWorld::ballot_box`], [`NcnWorld::cast_vote`];
//! [`NcnWorld::prepare_epoch`] runs all but the votes), each asserting success. Every
//! instruction run through [`NcnWorld::exec`] appends `(name, CU)` to [`NcnWorld::cu`], so a
//! benchmark can clear it, run a step and read what each instruction cost. The `ix_*` methods
//! build an instruction without running it (for failure tests). Keys are fixed ([`key`]), so
//! PDAs, bumps and CU are the same on every run.

use std::collections::HashMap;

use jito_ncn_client::{instructions as ni, pdas as np, ProgramIds};
use jito_restaking_client::{accounts as rc, instructions as ri};
use jito_vault_client::{
    accounts as vc, instructions as vi, pdas as vp, token_accounts,
    types::WithdrawalAllocationMethod,
};
use mollusk_svm::MolluskContext;

use crate::{
    associated_token_address, for_vault_build, mint_data, mollusk_with_programs, owned_account,
    read_built_program, sbf_out_dir, system_account, token_account_data, Account, Instruction,
    InstructionResult, Mollusk, Pubkey, RESTAKING_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// The NCN program's id (the template's, where the program is loaded).
pub const NCN_PROGRAM_ID: Pubkey = jito_ncn_client::ID;
/// The template's protocol fee wallet (`FeeConfig::PROTOCOL_FEE_WALLET`).
pub const PROTOCOL_FEE_WALLET: Pubkey =
    Pubkey::from_str_const("5eosrve6LktMZgVNszYzebgmmC7BjLK8NoWyRQtcmGTF");
/// Slots per epoch (Mollusk's epoch schedule and the restaking config's `epoch_length`).
pub const EPOCH_LENGTH: u64 = 432_000;
/// The epoch the world starts in (the handshake); [`NcnWorld::new`] ends 4 epochs later.
pub const START_EPOCH: u64 = 100;
/// The slot inside each epoch the world moves to.
pub const EPOCH_OFFSET: u64 = 1_000;
/// Lamports of every funded wallet (and of the NCN program's account payer).
pub const WALLET_LAMPORTS: u64 = 1_000_000_000_000;
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

/// A Mollusk with the restaking, vault (build of `JITO_VAULT_NUMBERING`) and NCN programs and
/// the token programs, its clock at `slot`.
pub fn programs(slot: u64) -> Mollusk {
    let mut mollusk =
        mollusk_with_programs(&RESTAKING_PROGRAM_ID, &VAULT_PROGRAM_ID, &sbf_out_dir());
    mollusk.add_program_with_loader_and_elf(
        &NCN_PROGRAM_ID,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        &read_built_program(&sbf_out_dir(), "jito_ncn_program"),
    );
    mollusk.warp_to_slot(slot);
    mollusk
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

/// A stake mint of the world.
#[derive(Clone, Debug)]
pub struct MintInfo {
    pub mint: Pubkey,
    pub authority: Pubkey,
    pub weight: u128,
}

/// An operator of the world.
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

/// A vault of the world.
#[derive(Clone, Debug)]
pub struct VaultInfo {
    pub address: Pubkey,
    pub admin: Pubkey,
    pub vrt_mint: Pubkey,
    /// Index of its mint in [`NcnWorld::mints`].
    pub mint: usize,
    /// The vault's index in the vault program (`Vault::vault_index`).
    pub index: u64,
}

pub struct NcnWorld {
    pub ctx: MolluskContext<HashMap<Pubkey, Account>>,
    pub spec: NcnSpec,
    pub ids: ProgramIds,
    pub payer: Pubkey,
    pub restaking_config: Pubkey,
    pub vault_config: Pubkey,
    pub ncn: Pubkey,
    pub ncn_admin: Pubkey,
    pub ncn_fee_wallet: Pubkey,
    pub tie_breaker_admin: Pubkey,
    /// The NCN program's config, vault registry and account payer (PDAs).
    pub config: Pubkey,
    pub vault_registry: Pubkey,
    pub account_payer: Pubkey,
    pub mints: Vec<MintInfo>,
    pub operators: Vec<OperatorInfo>,
    pub vaults: Vec<VaultInfo>,
    /// `(instruction, CU)` of every instruction run through [`NcnWorld::exec`], in order.
    pub cu: Vec<(&'static str, u64)>,
}

impl NcnWorld {
    /// The world of `spec`, ready for the lifecycle of [`NcnWorld::epoch`] (see the module docs).
    pub fn new(spec: NcnSpec) -> Self {
        assert_eq!(
            spec.delegations.len(),
            spec.vault_mints.len(),
            "delegations per vault"
        );
        assert!(spec.delegations.iter().all(|d| d.len() == spec.operators));
        assert_eq!(spec.operator_fee_bps.len(), spec.operators);
        let ctx = programs(slot_at(START_EPOCH, EPOCH_OFFSET)).with_context(HashMap::new());

        let ids = ProgramIds::default();
        let ncn_base = key("ncn-base");
        let ncn = rc::Ncn::find_pda(&ncn_base).0;
        let mut world = Self {
            ctx,
            ids,
            payer: key("payer"),
            restaking_config: rc::Config::find_pda().0,
            vault_config: vc::Config::find_pda().0,
            ncn,
            ncn_admin: key("ncn-admin"),
            ncn_fee_wallet: key("ncn-fee-wallet"),
            tie_breaker_admin: key("tie-breaker-admin"),
            config: np::find_config(&ids.ncn, &ncn).0,
            vault_registry: np::find_vault_registry(&ids.ncn, &ncn).0,
            account_payer: np::find_account_payer(&ids.ncn, &ncn, &ncn).0,
            mints: spec
                .mint_weights
                .iter()
                .enumerate()
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
        world.setup(ncn_base);
        world
    }

    // -----------------------------------------------------------------------------------------
    // Ledger
    // -----------------------------------------------------------------------------------------

    /// Runs `ix` (a vault instruction re-tagged for the vault build under test); a failure
    /// changes nothing.
    pub fn try_exec(&self, ix: &Instruction) -> InstructionResult {
        self.ctx.process_instruction(&for_vault_build(ix))
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

    /// The account at `key` (a default, empty account if there is none).
    pub fn get(&self, key: &Pubkey) -> Account {
        self.ctx
            .account_store
            .borrow()
            .get(key)
            .cloned()
            .unwrap_or_default()
    }

    pub fn exists(&self, key: &Pubkey) -> bool {
        self.ctx
            .account_store
            .borrow()
            .get(key)
            .is_some_and(|a| a.lamports > 0 || !a.data.is_empty())
    }

    pub fn lamports(&self, key: &Pubkey) -> u64 {
        self.get(key).lamports
    }

    /// A Mollusk like the world's, at its clock, outside the ledger (e.g. for the negative
    /// engine, which runs an instruction against given accounts).
    pub fn fresh_mollusk(&self) -> Mollusk {
        programs(self.slot())
    }

    /// The current state of every account `ix` references, one per key, in meta order.
    pub fn accounts_of(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        let mut out: Vec<(Pubkey, Account)> = Vec::new();
        for meta in &ix.accounts {
            if !out.iter().any(|(k, _)| *k == meta.pubkey) {
                out.push((meta.pubkey, self.get(&meta.pubkey)));
            }
        }
        out
    }

    pub fn set(&self, key: Pubkey, account: Account) {
        self.ctx.account_store.borrow_mut().insert(key, account);
    }

    pub fn slot(&self) -> u64 {
        self.ctx.mollusk.sysvars.clock.slot
    }

    /// The current epoch (the clock's).
    pub fn epoch(&self) -> u64 {
        self.ctx.mollusk.sysvars.clock.epoch
    }

    /// Moves the clock forward to `slot`.
    pub fn warp(&mut self, slot: u64) {
        assert!(slot >= self.slot(), "the world only moves forward");
        self.ctx.mollusk.warp_to_slot(slot);
    }

    /// Moves to slot [`EPOCH_OFFSET`] of `epoch` and updates every vault for it.
    pub fn advance_to_epoch(&mut self, epoch: u64) {
        self.warp(slot_at(epoch, EPOCH_OFFSET));
        self.update_vaults();
    }

    // -----------------------------------------------------------------------------------------
    // Set-up
    // -----------------------------------------------------------------------------------------

    fn fund(&self, key: &Pubkey) {
        self.set(*key, system_account(WALLET_LAMPORTS));
    }

    fn setup(&mut self, ncn_base: Pubkey) {
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
            self.fund(&k);
        }
        for mint in &self.mints {
            self.set(
                mint.mint,
                owned_account(&TOKEN_PROGRAM_ID, mint_data(Some(&mint.authority), 0, 9)),
            );
        }

        // Configs, NCN, operators.
        self.exec(
            "restaking InitializeConfig",
            &ri::InitializeConfigBuilder::new()
                .config(rconfig)
                .admin(restaking_admin)
                .instruction(),
        );
        self.exec(
            "vault InitializeConfig",
            &vi::InitializeConfigBuilder::new()
                .config(vconfig)
                .admin(vault_config_admin)
                .program_fee_wallet(key("program-fee-wallet"))
                .program_fee_bps(0)
                .instruction(),
        );
        self.exec(
            "restaking InitializeNcn",
            &ri::InitializeNcnBuilder::new()
                .config(rconfig)
                .ncn(ncn)
                .admin(ncn_admin)
                .base(ncn_base)
                .instruction(),
        );
        for o in 0..self.spec.operators {
            let (base, admin) = (
                key(&format!("operator-base-{o}")),
                key(&format!("operator-admin-{o}")),
            );
            self.fund(&admin);
            let address = rc::Operator::find_pda(&base).0;
            let fee_bps = self.spec.operator_fee_bps[o];
            self.exec(
                "restaking InitializeOperator",
                &ri::InitializeOperatorBuilder::new()
                    .config(rconfig)
                    .operator(address)
                    .admin(admin)
                    .base(base)
                    .operator_fee_bps(fee_bps)
                    .instruction(),
            );
            let voter = rc::Operator::from_bytes(&self.get(&address).data)
                .unwrap()
                .voter;
            self.operators.push(OperatorInfo {
                address,
                admin,
                voter,
                fee_bps,
                ncn_index: o as u64,
            });
        }

        // Vaults: the admin's supported tokens, the vault's token accounts (real ATA program),
        // InitializeVault depositing what the delegations need.
        for v in 0..self.spec.vault_mints.len() {
            let mint = self.spec.vault_mints[v];
            let st_mint = self.mints[mint].mint;
            let (base, admin, vrt_mint) = (
                key(&format!("vault-base-{v}")),
                key(&format!("vault-admin-{v}")),
                key(&format!("vrt-mint-{v}")),
            );
            self.fund(&admin);
            let address = vc::Vault::find_pda(&base).0;
            let burn_vault = vp::find_burn_vault(&VAULT_PROGRAM_ID, &base).0;
            for ix in token_accounts::for_initialize_vault(
                &payer,
                &admin,
                &address,
                &st_mint,
                &TOKEN_PROGRAM_ID,
            ) {
                self.exec("ata CreateIdempotent", &ix);
            }
            let deposit = self.spec.delegations[v].iter().sum::<u64>() + VAULT_SLACK;
            self.set(
                ata(&admin, &st_mint),
                owned_account(
                    &TOKEN_PROGRAM_ID,
                    token_account_data(&st_mint, &admin, deposit),
                ),
            );
            self.exec(
                "vault InitializeVault",
                &vi::InitializeVaultBuilder::new()
                    .config(vconfig)
                    .vault(address)
                    .vrt_mint(vrt_mint)
                    .st_mint(st_mint)
                    .admin_st_token_account(ata(&admin, &st_mint))
                    .vault_st_token_account(ata(&address, &st_mint))
                    .burn_vault(burn_vault)
                    .burn_vault_vrt_token_account(ata(&burn_vault, &vrt_mint))
                    .admin(admin)
                    .base(base)
                    .deposit_fee_bps(0)
                    .withdrawal_fee_bps(0)
                    .reward_fee_bps(0)
                    .decimals(9)
                    .initialize_token_amount(deposit)
                    .instruction(),
            );
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
        for o in 0..self.operators.len() {
            let op = self.operators[o].clone();
            self.exec(
                "restaking InitializeNcnOperatorState",
                &ri::InitializeNcnOperatorStateBuilder::new()
                    .config(rconfig)
                    .ncn(ncn)
                    .operator(op.address)
                    .ncn_operator_state(rc::NcnOperatorState::find_pda(&ncn, &op.address).0)
                    .admin(ncn_admin)
                    .payer(payer)
                    .instruction(),
            );
        }
        for v in 0..self.vaults.len() {
            let vault = self.vaults[v].address;
            self.exec(
                "restaking InitializeNcnVaultTicket",
                &ri::InitializeNcnVaultTicketBuilder::new()
                    .config(rconfig)
                    .ncn(ncn)
                    .vault(vault)
                    .ncn_vault_ticket(rc::NcnVaultTicket::find_pda(&ncn, &vault).0)
                    .admin(ncn_admin)
                    .payer(payer)
                    .instruction(),
            );
            for o in 0..self.operators.len() {
                let op = self.operators[o].clone();
                self.exec(
                    "restaking InitializeOperatorVaultTicket",
                    &ri::InitializeOperatorVaultTicketBuilder::new()
                        .config(rconfig)
                        .operator(op.address)
                        .vault(vault)
                        .operator_vault_ticket(
                            rc::OperatorVaultTicket::find_pda(&op.address, &vault).0,
                        )
                        .admin(op.admin)
                        .payer(payer)
                        .instruction(),
                );
            }
        }
        self.warp(slot_at(START_EPOCH, EPOCH_OFFSET + 10));
        for o in 0..self.operators.len() {
            let op = self.operators[o].clone();
            let state = rc::NcnOperatorState::find_pda(&ncn, &op.address).0;
            self.exec(
                "restaking NcnWarmupOperator",
                &ri::NcnWarmupOperatorBuilder::new()
                    .config(rconfig)
                    .ncn(ncn)
                    .operator(op.address)
                    .ncn_operator_state(state)
                    .admin(ncn_admin)
                    .instruction(),
            );
            self.exec(
                "restaking OperatorWarmupNcn",
                &ri::OperatorWarmupNcnBuilder::new()
                    .config(rconfig)
                    .ncn(ncn)
                    .operator(op.address)
                    .ncn_operator_state(state)
                    .admin(op.admin)
                    .instruction(),
            );
        }
        for v in 0..self.vaults.len() {
            let vault = self.vaults[v].address;
            self.exec(
                "restaking WarmupNcnVaultTicket",
                &ri::WarmupNcnVaultTicketBuilder::new()
                    .config(rconfig)
                    .ncn(ncn)
                    .vault(vault)
                    .ncn_vault_ticket(rc::NcnVaultTicket::find_pda(&ncn, &vault).0)
                    .admin(ncn_admin)
                    .instruction(),
            );
            for o in 0..self.operators.len() {
                let op = self.operators[o].clone();
                self.exec(
                    "restaking WarmupOperatorVaultTicket",
                    &ri::WarmupOperatorVaultTicketBuilder::new()
                        .config(rconfig)
                        .operator(op.address)
                        .vault(vault)
                        .operator_vault_ticket(
                            rc::OperatorVaultTicket::find_pda(&op.address, &vault).0,
                        )
                        .admin(op.admin)
                        .instruction(),
                );
            }
        }

        // Two epochs later the restaking tickets are active: the vault side of the handshake,
        // the delegations, the NCN program's config and registry.
        self.advance_to_epoch(START_EPOCH + 2);
        for v in 0..self.vaults.len() {
            let vault = self.vaults[v].clone();
            self.exec(
                "vault InitializeVaultNcnTicket",
                &vi::InitializeVaultNcnTicketBuilder::new()
                    .config(vconfig)
                    .vault(vault.address)
                    .ncn(ncn)
                    .ncn_vault_ticket(rc::NcnVaultTicket::find_pda(&ncn, &vault.address).0)
                    .vault_ncn_ticket(vc::VaultNcnTicket::find_pda(&vault.address, &ncn).0)
                    .admin(vault.admin)
                    .payer(payer)
                    .instruction(),
            );
            for o in 0..self.operators.len() {
                let op = self.operators[o].clone();
                let delegation =
                    vc::VaultOperatorDelegation::find_pda(&vault.address, &op.address).0;
                self.exec(
                    "vault InitializeVaultOperatorDelegation",
                    &vi::InitializeVaultOperatorDelegationBuilder::new()
                        .config(vconfig)
                        .vault(vault.address)
                        .operator(op.address)
                        .operator_vault_ticket(
                            rc::OperatorVaultTicket::find_pda(&op.address, &vault.address).0,
                        )
                        .vault_operator_delegation(delegation)
                        .admin(vault.admin)
                        .payer(payer)
                        .instruction(),
                );
                let amount = self.spec.delegations[v][o];
                if amount > 0 {
                    self.exec(
                        "vault AddDelegation",
                        &vi::AddDelegationBuilder::new()
                            .config(vconfig)
                            .vault(vault.address)
                            .operator(op.address)
                            .vault_operator_delegation(delegation)
                            .admin(vault.admin)
                            .amount(amount)
                            .instruction(),
                    );
                }
            }
        }
        self.warp(slot_at(START_EPOCH + 2, EPOCH_OFFSET + 10));
        for v in 0..self.vaults.len() {
            let vault = self.vaults[v].clone();
            self.exec(
                "vault WarmupVaultNcnTicket",
                &vi::WarmupVaultNcnTicketBuilder::new()
                    .config(vconfig)
                    .vault(vault.address)
                    .ncn(ncn)
                    .vault_ncn_ticket(vc::VaultNcnTicket::find_pda(&vault.address, &ncn).0)
                    .admin(vault.admin)
                    .instruction(),
            );
        }

        let spec = self.spec.clone();
        self.exec(
            "InitializeConfig",
            &ni::InitializeConfigBuilder::new()
                .config(self.config)
                .ncn(ncn)
                .ncn_fee_wallet(self.ncn_fee_wallet)
                .ncn_admin(ncn_admin)
                .tie_breaker_admin(self.tie_breaker_admin)
                .account_payer(self.account_payer)
                .epochs_before_stall(spec.epochs_before_stall)
                .epochs_after_consensus_before_close(spec.epochs_after_consensus_before_close)
                .valid_slots_after_consensus(spec.valid_slots_after_consensus)
                .ncn_fee_bps(spec.ncn_fee_bps)
                .instruction(),
        );
        self.exec(
            "InitializeVaultRegistry",
            &ni::InitializeVaultRegistryBuilder::new()
                .config(self.config)
                .vault_registry(self.vault_registry)
                .ncn(ncn)
                .account_payer(self.account_payer)
                .instruction(),
        );
        let registry_len = jito_ncn_client::accounts::VaultRegistry::LEN;
        self.grow(
            self.vault_registry,
            registry_len,
            |w| {
                ni::ReallocVaultRegistryBuilder::new()
                    .config(w.config)
                    .vault_registry(w.vault_registry)
                    .ncn(w.ncn)
                    .account_payer(w.account_payer)
                    .instruction()
            },
            "ReallocVaultRegistry",
        );
        for m in 0..self.mints.len() {
            let mint = self.mints[m].clone();
            self.exec(
                "AdminRegisterStMint",
                &ni::AdminRegisterStMintBuilder::new()
                    .config(self.config)
                    .ncn(ncn)
                    .st_mint(mint.mint)
                    .vault_registry(self.vault_registry)
                    .admin(ncn_admin)
                    .weight(mint.weight)
                    .instruction(),
            );
        }
        for v in 0..self.vaults.len() {
            let vault = self.vaults[v].address;
            self.exec(
                "RegisterVault",
                &ni::RegisterVaultBuilder::new()
                    .config(self.config)
                    .vault_registry(self.vault_registry)
                    .ncn(ncn)
                    .vault(vault)
                    .ncn_vault_ticket(rc::NcnVaultTicket::find_pda(&ncn, &vault).0)
                    .instruction(),
            );
        }

        // Two more epochs: the vault NCN tickets are active too.
        self.advance_to_epoch(START_EPOCH + 4);
    }

    /// Runs the realloc instruction `build` until `account` has `len` bytes (at most 8 times).
    fn grow(
        &mut self,
        account: Pubkey,
        len: usize,
        build: impl Fn(&Self) -> Instruction,
        name: &'static str,
    ) {
        for _ in 0..8 {
            if self.get(&account).data.len() == len {
                return;
            }
            let ix = build(self);
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
        for v in 0..self.vaults.len() {
            let vault = self.vaults[v].address;
            let tracker = vc::VaultUpdateStateTracker::find_pda(&vault, epoch).0;
            self.exec(
                "vault InitializeVaultUpdateStateTracker",
                &vi::InitializeVaultUpdateStateTrackerBuilder::new()
                    .config(vconfig)
                    .vault(vault)
                    .vault_update_state_tracker(tracker)
                    .payer(payer)
                    .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
                    .instruction(),
            );
            let delegations = vc::Vault::from_bytes(&self.get(&vault).data)
                .unwrap()
                .operator_count;
            // The vault program cranks round-robin from delegation `epoch % count`.
            for i in 0..delegations {
                let operator = self.operators[((epoch + i) % delegations) as usize].address;
                self.exec(
                    "vault CrankVaultUpdateStateTracker",
                    &vi::CrankVaultUpdateStateTrackerBuilder::new()
                        .config(vconfig)
                        .vault(vault)
                        .operator(operator)
                        .vault_operator_delegation(
                            vc::VaultOperatorDelegation::find_pda(&vault, &operator).0,
                        )
                        .vault_update_state_tracker(tracker)
                        .instruction(),
                );
            }
            self.exec(
                "vault CloseVaultUpdateStateTracker",
                &vi::CloseVaultUpdateStateTrackerBuilder::new()
                    .config(vconfig)
                    .vault(vault)
                    .vault_update_state_tracker(tracker)
                    .payer(payer)
                    .ncn_epoch(epoch)
                    .instruction(),
            );
        }
    }

    // -----------------------------------------------------------------------------------------
    // PDAs of an epoch
    // -----------------------------------------------------------------------------------------

    pub fn epoch_state_address(&self, epoch: u64) -> Pubkey {
        np::find_epoch_state(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn epoch_marker_address(&self, epoch: u64) -> Pubkey {
        np::find_epoch_marker(&self.ids.ncn, &self.ncn, epoch, &self.ncn).0
    }
    pub fn weight_table_address(&self, epoch: u64) -> Pubkey {
        np::find_weight_table(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn epoch_snapshot_address(&self, epoch: u64) -> Pubkey {
        np::find_epoch_snapshot(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn operator_snapshot_address(&self, operator: usize, epoch: u64) -> Pubkey {
        np::find_operator_snapshot(
            &self.ids.ncn,
            &self.operators[operator].address,
            &self.ncn,
            epoch,
        )
        .0
    }
    pub fn ballot_box_address(&self, epoch: u64) -> Pubkey {
        np::find_ballot_box(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn consensus_result_address(&self, epoch: u64) -> Pubkey {
        np::find_consensus_result(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn ncn_reward_router_address(&self, epoch: u64) -> Pubkey {
        np::find_ncn_reward_router(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn ncn_reward_receiver_address(&self, epoch: u64) -> Pubkey {
        np::find_ncn_reward_receiver(&self.ids.ncn, &self.ncn, epoch).0
    }
    pub fn operator_vault_reward_router_address(&self, operator: usize, epoch: u64) -> Pubkey {
        np::find_operator_vault_reward_router(
            &self.ids.ncn,
            &self.operators[operator].address,
            &self.ncn,
            epoch,
        )
        .0
    }
    pub fn operator_vault_reward_receiver_address(&self, operator: usize, epoch: u64) -> Pubkey {
        np::find_operator_vault_reward_receiver(
            &self.ids.ncn,
            &self.operators[operator].address,
            &self.ncn,
            epoch,
        )
        .0
    }

    // -----------------------------------------------------------------------------------------
    // Instructions of an epoch (built, not run)
    // -----------------------------------------------------------------------------------------

    pub fn ix_initialize_epoch_state(&self, epoch: u64) -> Instruction {
        ni::InitializeEpochStateBuilder::new()
            .epoch_marker(self.epoch_marker_address(epoch))
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .account_payer(self.account_payer)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_snapshot_vault_operator_delegation(
        &self,
        operator: usize,
        vault: usize,
        epoch: u64,
    ) -> Instruction {
        let (op, v) = (self.operators[operator].address, self.vaults[vault].address);
        ni::SnapshotVaultOperatorDelegationBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .restaking_config(self.restaking_config)
            .ncn(self.ncn)
            .operator(op)
            .vault(v)
            .vault_ncn_ticket(vc::VaultNcnTicket::find_pda(&v, &self.ncn).0)
            .ncn_vault_ticket(rc::NcnVaultTicket::find_pda(&self.ncn, &v).0)
            .vault_operator_delegation(vc::VaultOperatorDelegation::find_pda(&v, &op).0)
            .weight_table(self.weight_table_address(epoch))
            .epoch_snapshot(self.epoch_snapshot_address(epoch))
            .operator_snapshot(self.operator_snapshot_address(operator, epoch))
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_initialize_ballot_box(&self, epoch: u64) -> Instruction {
        ni::InitializeBallotBoxBuilder::new()
            .epoch_marker(self.epoch_marker_address(epoch))
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ballot_box(self.ballot_box_address(epoch))
            .ncn(self.ncn)
            .account_payer(self.account_payer)
            .consensus_result(self.consensus_result_address(epoch))
            .epoch(epoch)
            .instruction()
    }

    /// Operator `operator`'s voter votes `weather_status` in `epoch`.
    pub fn ix_cast_vote(&self, operator: usize, weather_status: u8, epoch: u64) -> Instruction {
        let op = &self.operators[operator];
        ni::CastVoteBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ballot_box(self.ballot_box_address(epoch))
            .ncn(self.ncn)
            .epoch_snapshot(self.epoch_snapshot_address(epoch))
            .operator_snapshot(self.operator_snapshot_address(operator, epoch))
            .operator(op.address)
            .operator_voter(op.voter)
            .consensus_result(self.consensus_result_address(epoch))
            .weather_status(weather_status)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_admin_set_tie_breaker(&self, weather_status: u8, epoch: u64) -> Instruction {
        ni::AdminSetTieBreakerBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ballot_box(self.ballot_box_address(epoch))
            .ncn(self.ncn)
            .tie_breaker_admin(self.tie_breaker_admin)
            .weather_status(weather_status)
            .epoch(epoch)
            .instruction()
    }

    /// `CloseEpochAccount` of `account` (a reward router also takes the NCN fee wallet and its
    /// `receiver`).
    pub fn ix_close_epoch_account(
        &self,
        account: Pubkey,
        receiver: Option<Pubkey>,
        epoch: u64,
    ) -> Instruction {
        ni::CloseEpochAccountBuilder::new()
            .epoch_marker(self.epoch_marker_address(epoch))
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .account_to_close(account)
            .account_payer(self.account_payer)
            .ncn_fee_wallet(receiver.map(|_| self.ncn_fee_wallet))
            .receiver_to_close(receiver)
            .epoch(epoch)
            .instruction()
    }

    // -----------------------------------------------------------------------------------------
    // Rewards of an epoch (built, not run)
    // -----------------------------------------------------------------------------------------

    pub fn ix_initialize_ncn_reward_router(&self, epoch: u64) -> Instruction {
        ni::InitializeNcnRewardRouterBuilder::new()
            .epoch_marker(self.epoch_marker_address(epoch))
            .epoch_state(self.epoch_state_address(epoch))
            .ncn(self.ncn)
            .ncn_reward_router(self.ncn_reward_router_address(epoch))
            .ncn_reward_receiver(self.ncn_reward_receiver_address(epoch))
            .account_payer(self.account_payer)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_realloc_ncn_reward_router(&self, epoch: u64) -> Instruction {
        ni::ReallocNcnRewardRouterBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn_reward_router(self.ncn_reward_router_address(epoch))
            .ncn(self.ncn)
            .account_payer(self.account_payer)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_route_ncn_rewards(&self, max_iterations: u16, epoch: u64) -> Instruction {
        ni::RouteNcnRewardsBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .epoch_snapshot(self.epoch_snapshot_address(epoch))
            .ballot_box(self.ballot_box_address(epoch))
            .ncn_reward_router(self.ncn_reward_router_address(epoch))
            .ncn_reward_receiver(self.ncn_reward_receiver_address(epoch))
            .max_iterations(max_iterations)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_distribute_protocol_rewards(&self, epoch: u64) -> Instruction {
        ni::DistributeProtocolRewardsBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .ncn_reward_router(self.ncn_reward_router_address(epoch))
            .ncn_reward_receiver(self.ncn_reward_receiver_address(epoch))
            .protocol_fee_wallet(PROTOCOL_FEE_WALLET)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_distribute_ncn_rewards(&self, epoch: u64) -> Instruction {
        ni::DistributeNcnRewardsBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .ncn_reward_router(self.ncn_reward_router_address(epoch))
            .ncn_reward_receiver(self.ncn_reward_receiver_address(epoch))
            .ncn_fee_wallet(self.ncn_fee_wallet)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_initialize_operator_vault_reward_router(
        &self,
        operator: usize,
        epoch: u64,
    ) -> Instruction {
        ni::InitializeOperatorVaultRewardRouterBuilder::new()
            .epoch_marker(self.epoch_marker_address(epoch))
            .epoch_state(self.epoch_state_address(epoch))
            .ncn(self.ncn)
            .operator(self.operators[operator].address)
            .operator_snapshot(self.operator_snapshot_address(operator, epoch))
            .operator_vault_reward_router(
                self.operator_vault_reward_router_address(operator, epoch),
            )
            .operator_vault_reward_receiver(
                self.operator_vault_reward_receiver_address(operator, epoch),
            )
            .account_payer(self.account_payer)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_distribute_operator_vault_reward_route(
        &self,
        operator: usize,
        epoch: u64,
    ) -> Instruction {
        ni::DistributeOperatorVaultRewardRouteBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .operator(self.operators[operator].address)
            .ncn_reward_router(self.ncn_reward_router_address(epoch))
            .ncn_reward_receiver(self.ncn_reward_receiver_address(epoch))
            .operator_vault_reward_router(
                self.operator_vault_reward_router_address(operator, epoch),
            )
            .operator_vault_reward_receiver(
                self.operator_vault_reward_receiver_address(operator, epoch),
            )
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_route_operator_vault_rewards(
        &self,
        operator: usize,
        max_iterations: u16,
        epoch: u64,
    ) -> Instruction {
        ni::RouteOperatorVaultRewardsBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .ncn(self.ncn)
            .operator(self.operators[operator].address)
            .operator_snapshot(self.operator_snapshot_address(operator, epoch))
            .operator_vault_reward_router(
                self.operator_vault_reward_router_address(operator, epoch),
            )
            .operator_vault_reward_receiver(
                self.operator_vault_reward_receiver_address(operator, epoch),
            )
            .max_iterations(max_iterations)
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_distribute_operator_rewards(&self, operator: usize, epoch: u64) -> Instruction {
        ni::DistributeOperatorRewardsBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .operator(self.operators[operator].address)
            .operator_snapshot(self.operator_snapshot_address(operator, epoch))
            .operator_vault_reward_router(
                self.operator_vault_reward_router_address(operator, epoch),
            )
            .operator_vault_reward_receiver(
                self.operator_vault_reward_receiver_address(operator, epoch),
            )
            .epoch(epoch)
            .instruction()
    }

    pub fn ix_distribute_vault_rewards(
        &self,
        operator: usize,
        vault: usize,
        epoch: u64,
    ) -> Instruction {
        ni::DistributeVaultRewardsBuilder::new()
            .epoch_state(self.epoch_state_address(epoch))
            .config(self.config)
            .ncn(self.ncn)
            .operator(self.operators[operator].address)
            .vault(self.vaults[vault].address)
            .operator_snapshot(self.operator_snapshot_address(operator, epoch))
            .operator_vault_reward_router(
                self.operator_vault_reward_router_address(operator, epoch),
            )
            .operator_vault_reward_receiver(
                self.operator_vault_reward_receiver_address(operator, epoch),
            )
            .epoch(epoch)
            .instruction()
    }

    // -----------------------------------------------------------------------------------------
    // Steps of an epoch (run, each must succeed)
    // -----------------------------------------------------------------------------------------

    /// `InitializeEpochState`.
    pub fn epoch_state(&mut self, epoch: u64) {
        let ix = self.ix_initialize_epoch_state(epoch);
        self.exec("InitializeEpochState", &ix);
    }

    /// `InitializeWeightTable`, `ReallocWeightTable` until full size, `SetEpochWeights`.
    pub fn weight_table(&mut self, epoch: u64) {
        let table = self.weight_table_address(epoch);
        self.exec(
            "InitializeWeightTable",
            &ni::InitializeWeightTableBuilder::new()
                .epoch_marker(self.epoch_marker_address(epoch))
                .epoch_state(self.epoch_state_address(epoch))
                .vault_registry(self.vault_registry)
                .ncn(self.ncn)
                .weight_table(table)
                .account_payer(self.account_payer)
                .epoch(epoch)
                .instruction(),
        );
        self.grow(
            table,
            jito_ncn_client::accounts::WeightTable::LEN,
            |w| {
                ni::ReallocWeightTableBuilder::new()
                    .epoch_state(w.epoch_state_address(epoch))
                    .config(w.config)
                    .weight_table(w.weight_table_address(epoch))
                    .ncn(w.ncn)
                    .vault_registry(w.vault_registry)
                    .account_payer(w.account_payer)
                    .epoch(epoch)
                    .instruction()
            },
            "ReallocWeightTable",
        );
        self.exec(
            "SetEpochWeights",
            &ni::SetEpochWeightsBuilder::new()
                .epoch_state(self.epoch_state_address(epoch))
                .ncn(self.ncn)
                .vault_registry(self.vault_registry)
                .weight_table(table)
                .epoch(epoch)
                .instruction(),
        );
    }

    /// `InitializeEpochSnapshot`.
    pub fn epoch_snapshot(&mut self, epoch: u64) {
        self.exec(
            "InitializeEpochSnapshot",
            &ni::InitializeEpochSnapshotBuilder::new()
                .epoch_marker(self.epoch_marker_address(epoch))
                .epoch_state(self.epoch_state_address(epoch))
                .config(self.config)
                .ncn(self.ncn)
                .weight_table(self.weight_table_address(epoch))
                .epoch_snapshot(self.epoch_snapshot_address(epoch))
                .account_payer(self.account_payer)
                .epoch(epoch)
                .instruction(),
        );
    }

    /// `InitializeOperatorSnapshot` of every operator.
    pub fn operator_snapshots(&mut self, epoch: u64) {
        for o in 0..self.operators.len() {
            let op = self.operators[o].address;
            let ix = ni::InitializeOperatorSnapshotBuilder::new()
                .epoch_marker(self.epoch_marker_address(epoch))
                .epoch_state(self.epoch_state_address(epoch))
                .config(self.config)
                .restaking_config(self.restaking_config)
                .ncn(self.ncn)
                .operator(op)
                .ncn_operator_state(rc::NcnOperatorState::find_pda(&self.ncn, &op).0)
                .epoch_snapshot(self.epoch_snapshot_address(epoch))
                .operator_snapshot(self.operator_snapshot_address(o, epoch))
                .account_payer(self.account_payer)
                .epoch(epoch)
                .instruction();
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
        let ix = self.ix_initialize_ballot_box(epoch);
        self.exec("InitializeBallotBox", &ix);
        self.grow(
            self.ballot_box_address(epoch),
            jito_ncn_client::accounts::BallotBox::LEN,
            |w| {
                ni::ReallocBallotBoxBuilder::new()
                    .epoch_state(w.epoch_state_address(epoch))
                    .config(w.config)
                    .ballot_box(w.ballot_box_address(epoch))
                    .ncn(w.ncn)
                    .account_payer(w.account_payer)
                    .epoch(epoch)
                    .instruction()
            },
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
        let ix = self.ix_initialize_ncn_reward_router(epoch);
        self.exec("InitializeNCNRewardRouter", &ix);
        self.grow(
            self.ncn_reward_router_address(epoch),
            jito_ncn_client::accounts::NcnRewardRouter::LEN,
            |w| w.ix_realloc_ncn_reward_router(epoch),
            "ReallocNCNRewardRouter",
        );
    }
}
