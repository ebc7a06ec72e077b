//! NCN program (drop-in for `ncn-template`): the config and vault-registry group —
//! `InitializeConfig` (0), `InitializeVaultRegistry` (1), `ReallocVaultRegistry` (2),
//! `RegisterVault` (3), `AdminSetParameters` (25), `AdminSetNewAdmin` (26),
//! `AdminRegisterStMint` (29), `AdminSetStMint` (30) —, the epoch-state and weight-table
//! group — `InitializeEpochState` (4), `InitializeWeightTable` (5), `SetEpochWeights` (6),
//! `ReallocWeightTable` (7), `AdminSetWeight` (28) —, `InitializeEpochSnapshot` (8),
//! `InitializeOperatorSnapshot` (9), `SnapshotVaultOperatorDelegation` (10),
//! `InitializeBallotBox` (11), `ReallocBallotBox` (12), `CastVote` (13),
//! `AdminSetTieBreaker` (27), `InitializeNCNRewardRouter` (14), `ReallocNCNRewardRouter`
//! (15), `InitializeOperatorVaultRewardRouter` (19), `DistributeProtocolRewards` (17),
//! `DistributeNCNRewards` (18), `DistributeOperatorVaultRewardRoute` (20),
//! `DistributeOperatorRewards` (23), `DistributeVaultRewards` (24), `RouteNCNRewards` (16),
//! `RouteOperatorVaultRewards` (21), `CloseEpochAccount` (22): all 31.
//!
//! The built `jito_ncn_program.so` runs next to the restaking and vault programs. Instruction
//! data is the template's Borsh, written by hand here; success paths compare every byte of
//! every written account with bytes laid out by hand from the template's structs, failure
//! paths check the template's error for each check, in its order, and that nothing changed.

use jito_ncn_client::types::ConfigAdminRole;
use mollusk_tests::{
    account, assert_error, assert_success,
    layout_oracle::ncn_layout::{self, PROTOCOL_FEE_WALLET},
    mint_data, owned_account,
    pda::ncn as pda,
    print_cu, program_account, rent_exempt,
    scenarios::{
        ncn::HandNcn,
        restaking_init::{ncn_vault_ticket_bytes, ncn_vault_ticket_pda},
        vault_admin::VaultState,
    },
    system_account,
    world::{
        ncn::{ncn_world_at, NcnKeys, NCN_PROGRAM_ID},
        World,
    },
    Account, AccountMeta, Instruction, InstructionResult, ProgramError, Pubkey,
    RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

const SLOT: u64 = 10 * 432_000 + 77;
const PAYER_LAMPORTS: u64 = 100_000_000_000;

/// Template error codes used here (`NCNProgramError`, counted from 0x2200).
mod code {
    pub const MINT_IN_TABLE: u32 = 0x2207;
    pub const VAULT_REGISTRY_LIST_FULL: u32 = 0x2211;
    pub const MINT_ENTRY_NOT_FOUND: u32 = 0x2214;
    pub const FEE_CAP_EXCEEDED: u32 = 0x2215;
    pub const DEFAULT_NCN_WALLET: u32 = 0x2218;
    pub const INCORRECT_NCN_ADMIN: u32 = 0x2219;
    pub const WEIGHT_NOT_SET: u32 = 0x223c;
    pub const INVALID_EPOCHS_BEFORE_STALL: u32 = 0x223e;
    pub const INVALID_EPOCHS_BEFORE_CLOSE: u32 = 0x223f;
    pub const INVALID_SLOTS_AFTER_CONSENSUS: u32 = 0x2240;
}

// ---------------------------------------------------------------------------
// HandNcn
// ---------------------------------------------------------------------------

/// What this file adds to the hand-laid NCN (`scenarios::ncn::HandNcn`): its place at
/// [`SLOT`], its base state, its config bytes.
trait Local {
    fn at(&self, epoch: u64) -> ncn_layout::At;
    fn base_state(&self) -> Vec<(Pubkey, Account)>;
    fn config_bytes(&self, p: &ConfigParams, epoch: u64) -> Vec<u8>;
}

impl Local for HandNcn {
    fn at(&self, epoch: u64) -> ncn_layout::At {
        ncn_layout::At {
            ncn: self.ncn_key,
            epoch,
            slot: SLOT,
        }
    }

    /// The NCN, a funded payer, the admins as wallets.
    fn base_state(&self) -> Vec<(Pubkey, Account)> {
        vec![
            (self.ncn_key, self.ncn_account()),
            (self.payer, system_account(PAYER_LAMPORTS)),
            (self.admin, system_account(1_000_000_000)),
            (self.fee_wallet, system_account(0)),
            (self.tie_breaker, system_account(0)),
        ]
    }

    fn config_bytes(&self, p: &ConfigParams, epoch: u64) -> Vec<u8> {
        let (ncn, tie_breaker, wallet) = (&self.ncn_key, &self.tie_breaker, &self.fee_wallet);
        config_bytes(ncn, tie_breaker, wallet, p, epoch, self.config.1)
    }
}

/// `InitializeConfig` arguments.
#[derive(Clone, Copy)]
struct ConfigParams {
    epochs_before_stall: u64,
    epochs_after_consensus_before_close: u64,
    valid_slots_after_consensus: u64,
    ncn_fee_bps: u16,
}

const PARAMS: ConfigParams = ConfigParams {
    epochs_before_stall: 3,
    epochs_after_consensus_before_close: 10,
    valid_slots_after_consensus: 10_000,
    ncn_fee_bps: 300,
};

use mollusk_tests::layout_oracle::put_bytes as put;

fn config_bytes(
    ncn: &Pubkey,
    tie_breaker: &Pubkey,
    fee_wallet: &Pubkey,
    p: &ConfigParams,
    epoch: u64,
    bump: u8,
) -> Vec<u8> {
    let timing = (
        p.valid_slots_after_consensus,
        p.epochs_before_stall,
        p.epochs_after_consensus_before_close,
    );
    ncn_layout::config(
        ncn,
        tie_breaker,
        fee_wallet,
        timing,
        p.ncn_fee_bps,
        epoch,
        bump,
    )
}

use ncn_layout::vault_registry as registry_bytes;

// ---------------------------------------------------------------------------
// Instructions (template Borsh, by hand)
// ---------------------------------------------------------------------------

/// The template's Borsh of an instruction: `tag`, then the argument bytes.
fn borsh(tag: u8, args: &[&[u8]]) -> Vec<u8> {
    [&[tag][..]]
        .iter()
        .chain(args)
        .flat_map(|a| a.iter().copied())
        .collect()
}

/// Every instruction the shared builders (`world::ncn`, the generated client) make carries the
/// template's tag and Borsh arguments, written here by hand, and its account flags (`r`, `w`,
/// `rs`, `ws` per account, in the template's order).
#[test]
fn client_builds_the_template_instructions() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let k = w.k();
    let (op, vault, mint) = (
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        Pubkey::new_unique(),
    );
    let e = EPOCH.to_le_bytes();
    let some = |v: u64| [&[1u8][..], &v.to_le_bytes()].concat();
    let weight = [&[1u8][..], &7u128.to_le_bytes()].concat();
    let (max, voter) = (300u16.to_le_bytes(), Pubkey::new_unique());
    let cases: Vec<(Instruction, Vec<u8>, &str)> = vec![
        (
            k.initialize_config_ix((3, 10, 1_000), 300),
            borsh(
                0,
                &[
                    &3u64.to_le_bytes(),
                    &10u64.to_le_bytes(),
                    &1_000u64.to_le_bytes(),
                    &300u16.to_le_bytes(),
                ],
            ),
            "w r r rs r w r",
        ),
        (k.initialize_vault_registry_ix(), borsh(1, &[]), "r w r w r"),
        (k.realloc_vault_registry_ix(), borsh(2, &[]), "r w r w r"),
        (k.register_vault_ix(&vault), borsh(3, &[]), "r w r r r"),
        (
            k.initialize_epoch_state_ix(EPOCH),
            borsh(4, &[&e]),
            "r w r r w r",
        ),
        (
            k.initialize_weight_table_ix(EPOCH),
            borsh(5, &[&e]),
            "r r r r w w r",
        ),
        (k.set_epoch_weights_ix(EPOCH), borsh(6, &[&e]), "w r r w"),
        (
            k.realloc_weight_table_ix(EPOCH),
            borsh(7, &[&e]),
            "w r w r r w r",
        ),
        (
            k.initialize_epoch_snapshot_ix(EPOCH),
            borsh(8, &[&e]),
            "r w r r r w w r",
        ),
        (
            k.initialize_operator_snapshot_ix(&op, EPOCH),
            borsh(9, &[&e]),
            "r w r r r r r w w w r",
        ),
        (
            k.snapshot_vault_operator_delegation_ix(&op, &vault, EPOCH),
            borsh(10, &[&e]),
            "w r r r r r r r r r w w",
        ),
        (
            k.initialize_ballot_box_ix(EPOCH),
            borsh(11, &[&e]),
            "r r r w r w r w",
        ),
        (
            k.realloc_ballot_box_ix(EPOCH),
            borsh(12, &[&e]),
            "w r w r w r",
        ),
        (
            k.cast_vote_ix(&op, &voter, 2, EPOCH),
            borsh(13, &[&[2], &e]),
            "w r w r r r r rs w",
        ),
        (
            k.initialize_ncn_reward_router_ix(EPOCH),
            borsh(14, &[&e]),
            "r r r w w w r",
        ),
        (
            k.realloc_ncn_reward_router_ix(EPOCH),
            borsh(15, &[&e]),
            "w r w r w r",
        ),
        (
            k.route_ncn_rewards_ix(300, EPOCH),
            borsh(16, &[&max, &e]),
            "w r r r r w w",
        ),
        (
            k.distribute_protocol_rewards_ix(EPOCH),
            borsh(17, &[&e]),
            "w r r w w w r",
        ),
        (
            k.distribute_ncn_rewards_ix(EPOCH),
            borsh(18, &[&e]),
            "w r r w w w r",
        ),
        (
            k.initialize_operator_vault_reward_router_ix(&op, EPOCH),
            borsh(19, &[&e]),
            "r w r r r w w w r",
        ),
        (
            k.distribute_operator_vault_reward_route_ix(&op, EPOCH),
            borsh(20, &[&e]),
            "w r r r w w r w r",
        ),
        (
            k.route_operator_vault_rewards_ix(&op, 300, EPOCH),
            borsh(21, &[&max, &e]),
            "w r r r w w",
        ),
        (
            k.close_epoch_account_ix(&vault, None, EPOCH),
            borsh(22, &[&e]),
            "w w r r w w r",
        ),
        (
            k.close_epoch_account_ix(&vault, Some(op), EPOCH),
            borsh(22, &[&e]),
            "w w r r w w r w w",
        ),
        (
            k.distribute_operator_rewards_ix(&op, EPOCH),
            borsh(23, &[&e]),
            "w r r w w w w r",
        ),
        (
            k.distribute_vault_rewards_ix(&op, &vault, EPOCH),
            borsh(24, &[&e]),
            "w r r r w w w w r",
        ),
        (
            k.admin_set_parameters_ix((Some(1), None, Some(2), Some(3))),
            borsh(25, &[&some(1), &[0], &some(2), &some(3)]),
            "w r ws",
        ),
        (
            k.admin_set_new_admin_ix(ConfigAdminRole::TieBreakerAdmin, &op),
            borsh(26, &[&[0]]),
            "w r ws r",
        ),
        (
            k.admin_set_tie_breaker_ix(1, EPOCH),
            borsh(27, &[&[1], &e]),
            "w r w r rs",
        ),
        (
            k.admin_set_weight_ix(&mint, 7, EPOCH),
            borsh(28, &[mint.as_ref(), &7u128.to_le_bytes(), &e]),
            "w r w ws",
        ),
        (
            k.admin_register_st_mint_ix(&mint, Some(7)),
            borsh(29, &[&weight]),
            "r r r w rs",
        ),
        (
            k.admin_register_st_mint_ix(&mint, None),
            borsh(29, &[&[0]]),
            "r r r w rs",
        ),
        (
            k.admin_set_st_mint_ix(&mint, Some(7)),
            borsh(30, &[mint.as_ref(), &weight]),
            "r r w rs",
        ),
    ];
    for (ix, data, flags) in cases {
        let tag = data[0];
        assert_eq!(ix.program_id, w.program, "tag {tag}: program");
        assert_eq!(ix.data, data, "tag {tag}: the template's Borsh");
        let actual: Vec<String> = ix
            .accounts
            .iter()
            .map(|m| {
                format!(
                    "{}{}",
                    if m.is_writable { "w" } else { "r" },
                    if m.is_signer { "s" } else { "" }
                )
            })
            .collect();
        assert_eq!(actual.join(" "), flags, "tag {tag}: account flags");
    }
}

fn initialize_config_ix(w: &HandNcn, p: &ConfigParams) -> Instruction {
    let params = (
        p.epochs_before_stall,
        p.epochs_after_consensus_before_close,
        p.valid_slots_after_consensus,
    );
    w.k().initialize_config_ix(params, p.ncn_fee_bps)
}

/// Tags 1 and 2 take the same accounts.
fn registry_ix(w: &HandNcn, tag: u8) -> Instruction {
    match tag {
        1 => w.k().initialize_vault_registry_ix(),
        _ => w.k().realloc_vault_registry_ix(),
    }
}

fn register_vault_ix(w: &HandNcn, vault: &Pubkey) -> Instruction {
    w.k().register_vault_ix(vault)
}

fn set_parameters_ix(w: &HandNcn, v: [Option<u64>; 4]) -> Instruction {
    w.k().admin_set_parameters_ix((v[0], v[1], v[2], v[3]))
}

/// `role` as a raw byte (0 = TieBreakerAdmin; others to test the decoding).
fn set_new_admin_ix(w: &HandNcn, new_admin: &Pubkey, role: u8) -> Instruction {
    let mut ix = w
        .k()
        .admin_set_new_admin_ix(ConfigAdminRole::TieBreakerAdmin, new_admin);
    ix.data[1] = role;
    ix
}

fn register_st_mint_ix(w: &HandNcn, mint: &Pubkey, weight: Option<u128>) -> Instruction {
    w.k().admin_register_st_mint_ix(mint, weight)
}

fn set_st_mint_ix(w: &HandNcn, mint: &Pubkey, weight: Option<u128>) -> Instruction {
    w.k().admin_set_st_mint_ix(mint, weight)
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

/// An instruction and the World it runs against, ready to run or to break.
struct Case {
    world: World,
    ix: Instruction,
}

impl Case {
    /// The first entry of a key in `state` wins, as in a list of accounts.
    fn new(w: &HandNcn, ix: Instruction, state: Vec<(Pubkey, Account)>) -> Self {
        let mut case = Self {
            world: ncn_world_at(&w.program, SLOT),
            ix,
        };
        let mut seen = std::collections::HashSet::new();
        for (key, account) in state {
            if seen.insert(key) {
                case.world.set(key, account);
            }
        }
        case
    }

    /// Adds the accounts of `state` whose keys the case does not hold yet.
    fn add(&mut self, state: &[(Pubkey, Account)]) {
        for (key, account) in state {
            self.world
                .accounts
                .entry(*key)
                .or_insert_with(|| account.clone());
        }
    }

    /// Every account the case holds.
    fn state(&self) -> Vec<(Pubkey, Account)> {
        self.world.accounts.clone().into_iter().collect()
    }

    fn accounts(&self) -> Vec<(Pubkey, Account)> {
        self.world.accounts_for(&self.ix)
    }

    fn run(&self) -> InstructionResult {
        self.world.run_with(&self.ix, &self.accounts())
    }

    fn set(&mut self, key: Pubkey, account: Account) -> &mut Self {
        self.world.set(key, account);
        self
    }

    /// Replaces account `index` of the instruction by `key` (holding `account`).
    fn swap(&mut self, index: usize, key: Pubkey, account: Account) -> &mut Self {
        self.ix.accounts[index].pubkey = key;
        self.set(key, account)
    }

    fn flags(&mut self, index: usize, writable: bool, signer: bool) -> &mut Self {
        self.ix.accounts[index].is_writable = writable;
        self.ix.accounts[index].is_signer = signer;
        self
    }

    /// Fails with `expected` and changes nothing.
    #[track_caller]
    fn fails(&self, expected: ProgramError) {
        let result = self.run();
        assert_error(&result, &self.accounts(), expected);
    }

    #[track_caller]
    fn fails_custom(&self, code: u32) {
        self.fails(ProgramError::Custom(code));
    }

    #[track_caller]
    fn succeeds(&self) -> InstructionResult {
        let result = self.run();
        assert_success(&result);
        result
    }

    /// [`Case::succeeds`], printing the CU (`CU ncn <instruction> <cu> <cpi cu>`, shown with
    /// `--nocapture`).
    #[track_caller]
    fn succeeds_cu(&self, instruction: &str) -> InstructionResult {
        let result = self.succeeds();
        print_cu("ncn", instruction, &result);
        result
    }
}

/// Every account not in `written` is unchanged.
#[track_caller]
fn assert_only_written(result: &InstructionResult, case: &Case, written: &[Pubkey]) {
    for (key, before) in case.accounts() {
        if written.contains(&key) {
            continue;
        }
        assert_eq!(account(result, &key), &before, "account {key} changed");
    }
}

fn epoch_of(case: &Case) -> u64 {
    case.world.mollusk.sysvars.clock.epoch
}

// ---------------------------------------------------------------------------
// InitializeConfig
// ---------------------------------------------------------------------------

fn init_config_case(w: &HandNcn, p: &ConfigParams) -> Case {
    Case::new(w, initialize_config_ix(w, p), w.base_state())
}

#[test]
fn initialize_config_writes_the_template_bytes() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let case = init_config_case(&w, &PARAMS);
    let result = case.succeeds_cu("InitializeConfig");
    let epoch = epoch_of(&case);
    assert_eq!(epoch, 10);
    let config = account(&result, &w.config.0);
    assert_eq!(config.owner, w.program);
    assert_eq!(config.data, w.config_bytes(&PARAMS, epoch));
    assert_eq!(config.lamports, rent_exempt(193));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(193)
    );
    assert_only_written(&result, &case, &[w.config.0, w.payer]);
}

#[test]
fn initialize_config_tops_up_a_prefunded_address() {
    // Someone sent lamports to the config address first: transfer, allocate, assign.
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let mut case = init_config_case(&w, &PARAMS);
    case.set(w.config.0, system_account(1_000));
    let result = case.succeeds();
    let config = account(&result, &w.config.0);
    assert_eq!(config.data, w.config_bytes(&PARAMS, 10));
    assert_eq!(config.lamports, rent_exempt(193));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - (rent_exempt(193) - 1_000)
    );
}

#[test]
fn initialize_config_works_under_any_program_id() {
    let w = HandNcn::new(Pubkey::new_unique());
    let result = init_config_case(&w, &PARAMS).succeeds();
    assert_eq!(
        account(&result, &w.config.0).data,
        w.config_bytes(&PARAMS, 10)
    );
}

#[test]
fn initialize_config_accepts_the_range_bounds() {
    for p in [
        ConfigParams {
            epochs_before_stall: 1,
            epochs_after_consensus_before_close: 100,
            valid_slots_after_consensus: 1_000,
            ncn_fee_bps: 9_600,
        },
        ConfigParams {
            epochs_before_stall: 50,
            epochs_after_consensus_before_close: 10,
            valid_slots_after_consensus: 50 * 432_000,
            ncn_fee_bps: 0,
        },
    ] {
        let w = HandNcn::new(NCN_PROGRAM_ID);
        let result = init_config_case(&w, &p).succeeds();
        assert_eq!(account(&result, &w.config.0).data, w.config_bytes(&p, 10));
    }
}

#[test]
fn initialize_config_account_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let other = Pubkey::new_unique();
    // config: a fresh writable system account.
    init_config_case(&w, &PARAMS)
        .set(w.config.0, owned_account(&other, vec![]))
        .fails(ProgramError::InvalidAccountOwner);
    init_config_case(&w, &PARAMS)
        .set(w.config.0, Account::new(1_000_000, 1, &SYSTEM_PROGRAM_ID))
        .fails(ProgramError::AccountAlreadyInitialized);
    init_config_case(&w, &PARAMS)
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    // system program.
    init_config_case(&w, &PARAMS)
        .swap(6, TOKEN_PROGRAM_ID, program_account(&TOKEN_PROGRAM_ID).1)
        .fails(ProgramError::IncorrectProgramId);
    // ncn_admin signs.
    init_config_case(&w, &PARAMS)
        .flags(3, false, false)
        .fails(ProgramError::MissingRequiredSignature);
    // ncn: a restaking NCN.
    init_config_case(&w, &PARAMS)
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    let mut bad = w.ncn.bytes();
    bad[0] = 3;
    init_config_case(&w, &PARAMS)
        .set(w.ncn_key, owned_account(&RESTAKING_PROGRAM_ID, bad))
        .fails(ProgramError::InvalidAccountData);
    // account payer: system-owned, at its PDA, writable.
    init_config_case(&w, &PARAMS)
        .set(w.payer, owned_account(&other, vec![]))
        .fails(ProgramError::InvalidAccountOwner);
    init_config_case(&w, &PARAMS)
        .swap(5, Pubkey::new_unique(), system_account(PAYER_LAMPORTS))
        .fails(ProgramError::InvalidAccountData);
    init_config_case(&w, &PARAMS)
        .flags(5, false, false)
        .fails(ProgramError::InvalidAccountData);
    // Too few accounts, bad data.
    let mut case = init_config_case(&w, &PARAMS);
    case.ix.accounts.pop();
    case.fails(ProgramError::NotEnoughAccountKeys);
    let mut case = init_config_case(&w, &PARAMS);
    case.ix.data.pop();
    case.fails(ProgramError::InvalidInstructionData);
}

#[test]
fn initialize_config_argument_and_admin_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let with = |f: &dyn Fn(&mut ConfigParams)| {
        let mut p = PARAMS;
        f(&mut p);
        init_config_case(&w, &p)
    };
    with(&|p| p.epochs_before_stall = 0).fails_custom(code::INVALID_EPOCHS_BEFORE_STALL);
    with(&|p| p.epochs_before_stall = 51).fails_custom(code::INVALID_EPOCHS_BEFORE_STALL);
    with(&|p| p.epochs_after_consensus_before_close = 9)
        .fails_custom(code::INVALID_EPOCHS_BEFORE_CLOSE);
    with(&|p| p.epochs_after_consensus_before_close = 101)
        .fails_custom(code::INVALID_EPOCHS_BEFORE_CLOSE);
    with(&|p| p.valid_slots_after_consensus = 999)
        .fails_custom(code::INVALID_SLOTS_AFTER_CONSENSUS);
    with(&|p| p.valid_slots_after_consensus = 50 * 432_000 + 1)
        .fails_custom(code::INVALID_SLOTS_AFTER_CONSENSUS);
    // The ranges come before the admin check, in the template's order.
    with(&|p| p.epochs_before_stall = 0)
        .swap(3, Pubkey::new_unique(), system_account(0))
        .fails_custom(code::INVALID_EPOCHS_BEFORE_STALL);
    // Another signer than the NCN admin.
    init_config_case(&w, &PARAMS)
        .swap(3, Pubkey::new_unique(), system_account(0))
        .fails_custom(code::INCORRECT_NCN_ADMIN);
    // Not the config PDA.
    init_config_case(&w, &PARAMS)
        .swap(0, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidSeeds);
    // Fee config.
    init_config_case(&w, &PARAMS)
        // The default address is the system program's.
        .swap(2, Pubkey::default(), program_account(&SYSTEM_PROGRAM_ID).1)
        .fails_custom(code::DEFAULT_NCN_WALLET);
    with(&|p| p.ncn_fee_bps = 9_601).fails_custom(code::FEE_CAP_EXCEEDED);
    with(&|p| p.ncn_fee_bps = 10_001).fails_custom(code::FEE_CAP_EXCEEDED);
}

// ---------------------------------------------------------------------------
// Vault registry: initialize and realloc
// ---------------------------------------------------------------------------

/// The base state with the config created.
fn configured(w: &HandNcn) -> Vec<(Pubkey, Account)> {
    let mut state = w.base_state();
    state.push((w.config.0, w.owned(w.config_bytes(&PARAMS, 10))));
    state
}

#[test]
fn initialize_vault_registry_creates_10240_zero_bytes() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let case = Case::new(&w, registry_ix(&w, 1), configured(&w));
    let result = case.succeeds_cu("InitializeVaultRegistry");
    let registry = account(&result, &w.registry.0);
    assert_eq!(registry.owner, w.program);
    assert_eq!(registry.data, vec![0u8; 10_240]);
    assert_eq!(registry.lamports, rent_exempt(10_240));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(10_240)
    );
    assert_only_written(&result, &case, &[w.registry.0, w.payer]);
}

#[test]
fn initialize_vault_registry_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let other = Pubkey::new_unique();
    let case = || Case::new(&w, registry_ix(&w, 1), configured(&w));
    case()
        .set(w.registry.0, owned_account(&w.program, vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(4, other, system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    case()
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    // config: missing, of another owner, of another NCN.
    case()
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    let other_ncn_config = config_bytes(&other, &w.tie_breaker, &w.fee_wallet, &PARAMS, 10, 255);
    case()
        .set(w.config.0, w.owned(other_ncn_config))
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(3, other, system_account(PAYER_LAMPORTS))
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(1, other, system_account(0))
        .fails(ProgramError::InvalidSeeds);
}

/// The account payer's address at `bump` (`["account_payer", ncn, ncn, bump]`), on the curve or
/// not: the hash `create_program_address` would refuse for an on-curve result.
fn account_payer_hash(w: &HandNcn, bump: u8) -> Pubkey {
    use sha2::{Digest, Sha256};
    let hash = Sha256::new()
        .chain_update(b"account_payer")
        .chain_update(w.ncn_key)
        .chain_update(w.ncn_key)
        .chain_update([bump])
        .chain_update(w.program)
        .chain_update(b"ProgramDerivedAddress")
        .finalize();
    Pubkey::new_from_array(hash.into())
}

/// The one listed deviation of the payer check (`docs/COMPATIBILITY.md`, "An account payer
/// address built on purpose as the on-curve hash..."): an NCN whose payer's canonical bump is
/// below 255, and as payer the on-curve hash at bump 255, funded. With a later check failing,
/// the template's `InvalidAccountData` (its payer check comes first); with every other check
/// passing, the create CPI signed with that bump fails at the runtime. Nothing changes.
#[test]
fn an_on_curve_payer_address_never_pays() {
    let w = std::iter::repeat_with(|| HandNcn::new(NCN_PROGRAM_ID))
        .find(|w| pda::account_payer(&w.program, &w.ncn_key).1 < 255)
        .expect("half of all NCNs have a payer bump below 255");
    let on_curve = account_payer_hash(&w, 255);
    assert!(on_curve.is_on_curve(), "bump 255 was skipped by the search");
    assert_eq!(
        account_payer_hash(&w, pda::account_payer(&w.program, &w.ncn_key).1),
        w.payer
    );
    let case = || {
        let mut case = Case::new(&w, registry_ix(&w, 1), configured(&w));
        case.swap(3, on_curve, system_account(PAYER_LAMPORTS));
        case
    };
    // A later check fails (the registry's address): the payer's error, as the template.
    case()
        .swap(1, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
    // Every other check passes: the signed CPI fails, nothing is created or paid.
    // (`create_program_address` refuses the on-curve seeds: the runtime aborts the program).
    let case = case();
    let result = case.run();
    assert_eq!(
        result.program_result,
        mollusk_svm::result::ProgramResult::UnknownError(
            mollusk_tests::negative::InstructionError::ProgramFailedToComplete
        )
    );
    for (key, before) in case.accounts() {
        assert_eq!(account(&result, &key), &before, "account {key} changed");
    }
}

fn with_registry(w: &HandNcn, registry: Account) -> Vec<(Pubkey, Account)> {
    let mut state = configured(w);
    state.push((w.registry.0, registry));
    state
}

#[test]
fn realloc_vault_registry_grows_and_initializes_once() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let fresh = Account {
        lamports: rent_exempt(10_240),
        data: vec![0; 10_240],
        owner: w.program,
        executable: false,
        rent_epoch: 0,
    };
    let case = Case::new(&w, registry_ix(&w, 2), with_registry(&w, fresh));
    let result = case.succeeds_cu("ReallocVaultRegistry");
    let registry = account(&result, &w.registry.0);
    let expected = registry_bytes(&w.ncn_key, w.registry.1, &[], &[]);
    assert_eq!(registry.data, expected);
    assert_eq!(registry.lamports, rent_exempt(10_281));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - (rent_exempt(10_281) - rent_exempt(10_240))
    );
    assert_only_written(&result, &case, &[w.registry.0, w.payer]);

    // Again: nothing to do.
    let done = registry.clone();
    let case = Case::new(&w, registry_ix(&w, 2), with_registry(&w, done.clone()));
    let result = case.succeeds();
    assert_eq!(account(&result, &w.registry.0), &done);
    assert_only_written(&result, &case, &[]);
}

#[test]
fn realloc_vault_registry_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let other = Pubkey::new_unique();
    let fresh = w.owned(vec![0; 10_240]);
    let case = || Case::new(&w, registry_ix(&w, 2), with_registry(&w, fresh.clone()));
    case()
        .swap(4, other, system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    case()
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(3, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(1, other, w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidSeeds);
    // Not yet created (the template lets the runtime reject this after paying).
    case()
        .set(w.registry.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// Stake-token mints
// ---------------------------------------------------------------------------

fn mint_account() -> Account {
    owned_account(
        &TOKEN_PROGRAM_ID,
        mint_data(Some(&Pubkey::new_unique()), 0, 9),
    )
}

fn registry_state(
    w: &HandNcn,
    mints: &[(Pubkey, u128)],
    vaults: &[(Pubkey, Pubkey, u64, u64)],
) -> Vec<(Pubkey, Account)> {
    with_registry(
        w,
        w.owned(registry_bytes(&w.ncn_key, w.registry.1, mints, vaults)),
    )
}

#[test]
fn admin_register_st_mint_lists_the_mint() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let first = Pubkey::new_unique();
    let mint = Pubkey::new_unique();
    let mut state = registry_state(&w, &[(first, 5)], &[]);
    state.push((mint, mint_account()));
    let case = Case::new(&w, register_st_mint_ix(&w, &mint, Some(100)), state);
    let result = case.succeeds_cu("AdminRegisterStMint");
    assert_eq!(
        account(&result, &w.registry.0).data,
        registry_bytes(&w.ncn_key, w.registry.1, &[(first, 5), (mint, 100)], &[])
    );
    assert_only_written(&result, &case, &[w.registry.0]);
}

#[test]
fn admin_register_st_mint_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let mint = Pubkey::new_unique();
    let other = Pubkey::new_unique();
    let case = |mints: &[(Pubkey, u128)], weight: Option<u128>| {
        let mut state = registry_state(&w, mints, &[]);
        state.push((mint, mint_account()));
        Case::new(&w, register_st_mint_ix(&w, &mint, weight), state)
    };
    case(&[], Some(1))
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case(&[], Some(1))
        .set(w.registry.0, w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountData);
    case(&[], Some(1))
        .flags(3, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(&[], Some(1))
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    case(&[], Some(1))
        .set(mint, system_account(1))
        .fails(ProgramError::InvalidAccountOwner);
    case(&[], Some(1))
        .set(mint, owned_account(&TOKEN_PROGRAM_ID, vec![0; 82]))
        .fails(ProgramError::UninitializedAccount);
    case(&[], Some(1))
        .flags(4, true, false)
        .fails(ProgramError::MissingRequiredSignature);
    // Only the NCN's ncn_program_admin.
    case(&[], Some(1))
        .swap(4, other, system_account(0))
        .flags(4, true, true)
        .fails(ProgramError::InvalidAccountData);
    case(&[(mint, 3)], Some(1)).fails_custom(code::MINT_IN_TABLE);
    case(&[], None).fails_custom(code::WEIGHT_NOT_SET);
    case(&[], Some(0)).fails_custom(code::WEIGHT_NOT_SET);
    let full: Vec<(Pubkey, u128)> = (0..64).map(|_| (Pubkey::new_unique(), 1)).collect();
    case(&full, Some(1)).fails_custom(code::VAULT_REGISTRY_LIST_FULL);
}

#[test]
fn admin_set_st_mint_changes_the_weight() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let (a, b) = (Pubkey::new_unique(), Pubkey::new_unique());
    for (weight, expected) in [(Some(42u128), 42u128), (None, 7)] {
        let case = Case::new(
            &w,
            set_st_mint_ix(&w, &b, weight),
            registry_state(&w, &[(a, 5), (b, 7)], &[]),
        );
        let result = case.succeeds();
        assert_eq!(
            account(&result, &w.registry.0).data,
            registry_bytes(&w.ncn_key, w.registry.1, &[(a, 5), (b, expected)], &[])
        );
        assert_only_written(&result, &case, &[w.registry.0]);
    }
}

#[test]
fn admin_set_st_mint_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let mint = Pubkey::new_unique();
    let other = Pubkey::new_unique();
    let case = |weight: Option<u128>| {
        Case::new(
            &w,
            set_st_mint_ix(&w, &mint, weight),
            registry_state(&w, &[(mint, 5)], &[]),
        )
    };
    case(Some(1))
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case(Some(1))
        .flags(2, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(Some(1))
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    case(Some(1))
        .flags(3, true, false)
        .fails(ProgramError::MissingRequiredSignature);
    case(Some(1))
        .swap(3, other, system_account(0))
        .flags(3, true, true)
        .fails(ProgramError::InvalidAccountData);
    case(Some(0)).fails_custom(code::WEIGHT_NOT_SET);
    Case::new(
        &w,
        set_st_mint_ix(&w, &other, Some(1)),
        registry_state(&w, &[(mint, 5)], &[]),
    )
    .fails_custom(code::MINT_ENTRY_NOT_FOUND);
}

// ---------------------------------------------------------------------------
// RegisterVault
// ---------------------------------------------------------------------------

struct VaultHandNcn {
    key: Pubkey,
    mint: Pubkey,
    index: u64,
    state: Vec<(Pubkey, Account)>,
}

/// A vault of `mint` with vault index 7 and the NCN's ticket to it.
fn vault_fixture(w: &HandNcn, mint: Pubkey) -> VaultHandNcn {
    let mut vault = VaultState::new(
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        mint,
        Pubkey::new_unique(),
        SLOT - 100,
    );
    vault.vault_index = 7;
    let key = vault.address();
    let ticket = ncn_vault_ticket_pda(&w.ncn_key, &key).0;
    VaultHandNcn {
        key,
        mint,
        index: 7,
        state: vec![
            (key, owned_account(&VAULT_PROGRAM_ID, vault.to_bytes())),
            (
                ticket,
                owned_account(
                    &RESTAKING_PROGRAM_ID,
                    ncn_vault_ticket_bytes(&w.ncn_key, &key, 0, SLOT - 50),
                ),
            ),
        ],
    }
}

fn register_case(
    w: &HandNcn,
    v: &VaultHandNcn,
    mints: &[(Pubkey, u128)],
    vaults: &[(Pubkey, Pubkey, u64, u64)],
) -> Case {
    let mut state = registry_state(w, mints, vaults);
    state.extend(v.state.iter().cloned());
    Case::new(w, register_vault_ix(w, &v.key), state)
}

#[test]
fn register_vault_adds_the_vault_once() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let mint = Pubkey::new_unique();
    let v = vault_fixture(&w, mint);
    let case = register_case(&w, &v, &[(mint, 100)], &[]);
    let result = case.succeeds_cu("RegisterVault");
    let registered = [(v.key, v.mint, v.index, SLOT)];
    assert_eq!(
        account(&result, &w.registry.0).data,
        registry_bytes(&w.ncn_key, w.registry.1, &[(mint, 100)], &registered)
    );
    assert_only_written(&result, &case, &[w.registry.0]);

    // Registered already: unchanged.
    let case = register_case(&w, &v, &[(mint, 100)], &[(v.key, v.mint, v.index, 5)]);
    let result = case.succeeds();
    assert_only_written(&result, &case, &[]);
}

#[test]
fn register_vault_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let mint = Pubkey::new_unique();
    let other = Pubkey::new_unique();
    let v = vault_fixture(&w, mint);
    let ok = [(mint, 100u128)];
    register_case(&w, &v, &ok, &[])
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    register_case(&w, &v, &ok, &[])
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    register_case(&w, &v, &ok, &[])
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    register_case(&w, &v, &ok, &[])
        .set(v.key, owned_account(&other, vec![0; 8]))
        .fails(ProgramError::InvalidAccountOwner);
    // The NCN's ticket to another vault.
    let u = vault_fixture(&w, mint);
    let mut case = register_case(&w, &v, &ok, &[]);
    case.add(&u.state);
    case.ix.accounts[4].pubkey = u.state[1].0;
    case.fails(ProgramError::InvalidAccountData);
    // The vault's mint is not listed.
    register_case(&w, &v, &[(other, 100)], &[]).fails(ProgramError::InvalidAccountData);
    // No free entry.
    let full: Vec<(Pubkey, Pubkey, u64, u64)> = (0..64)
        .map(|i| (Pubkey::new_unique(), mint, i, 1))
        .collect();
    register_case(&w, &v, &ok, &full).fails_custom(code::VAULT_REGISTRY_LIST_FULL);
}

// ---------------------------------------------------------------------------
// AdminSetParameters / AdminSetNewAdmin
// ---------------------------------------------------------------------------

#[test]
fn admin_set_parameters_writes_the_given_values() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let case = Case::new(
        &w,
        set_parameters_ix(&w, [Some(12), None, Some(40), Some(5_000)]),
        configured(&w),
    );
    let result = case.succeeds();
    let mut expected = w.config_bytes(&PARAMS, 10);
    put(&mut expected, 96, &12u64.to_le_bytes());
    put(&mut expected, 88, &40u64.to_le_bytes());
    put(&mut expected, 72, &5_000u64.to_le_bytes());
    assert_eq!(account(&result, &w.config.0).data, expected);
    assert_only_written(&result, &case, &[w.config.0]);

    let case = Case::new(
        &w,
        set_parameters_ix(&w, [None, Some(50), None, None]),
        configured(&w),
    );
    let result = case.succeeds();
    let mut expected = w.config_bytes(&PARAMS, 10);
    put(&mut expected, 80, &50u64.to_le_bytes());
    assert_eq!(account(&result, &w.config.0).data, expected);
}

#[test]
fn admin_set_parameters_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let other = Pubkey::new_unique();
    let case = |values| Case::new(&w, set_parameters_ix(&w, values), configured(&w));
    let any = [Some(1), None, None, None];
    case(any)
        .flags(2, true, false)
        .fails(ProgramError::MissingRequiredSignature);
    // The template loads the admin as writable.
    case(any)
        .flags(2, false, true)
        .fails(ProgramError::InvalidAccountData);
    case(any)
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(any)
        .set(
            w.config.0,
            owned_account(&other, w.config_bytes(&PARAMS, 10)),
        )
        .fails(ProgramError::InvalidAccountOwner);
    case(any)
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    case(any)
        .swap(2, other, system_account(0))
        .flags(2, true, true)
        .fails_custom(code::INCORRECT_NCN_ADMIN);
    case([Some(1), Some(0), None, None]).fails_custom(code::INVALID_EPOCHS_BEFORE_STALL);
    case([None, Some(51), None, None]).fails_custom(code::INVALID_EPOCHS_BEFORE_STALL);
    case([None, None, Some(9), None]).fails_custom(code::INVALID_EPOCHS_BEFORE_CLOSE);
    case([None, None, Some(101), None]).fails_custom(code::INVALID_EPOCHS_BEFORE_CLOSE);
    case([None, None, None, Some(999)]).fails_custom(code::INVALID_SLOTS_AFTER_CONSENSUS);
    case([None, None, None, Some(50 * 432_000 + 1)])
        .fails_custom(code::INVALID_SLOTS_AFTER_CONSENSUS);
    // A bad Option byte.
    let mut bad = case(any);
    bad.ix.data[1] = 2;
    bad.fails(ProgramError::InvalidInstructionData);
}

#[test]
fn admin_set_new_admin_sets_the_tie_breaker() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let new_admin = Pubkey::new_unique();
    let case = Case::new(&w, set_new_admin_ix(&w, &new_admin, 0), configured(&w));
    let result = case.succeeds();
    let mut expected = w.config_bytes(&PARAMS, 10);
    put(&mut expected, 40, new_admin.as_ref());
    assert_eq!(account(&result, &w.config.0).data, expected);
    assert_only_written(&result, &case, &[w.config.0]);
}

#[test]
fn admin_set_new_admin_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let other = Pubkey::new_unique();
    let case = || Case::new(&w, set_new_admin_ix(&w, &other, 0), configured(&w));
    case()
        .flags(2, true, false)
        .fails(ProgramError::MissingRequiredSignature);
    case()
        .flags(2, false, true)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .set(w.ncn_key, owned_account(&other, w.ncn.bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(2, Pubkey::new_unique(), system_account(0))
        .flags(2, true, true)
        .fails_custom(code::INCORRECT_NCN_ADMIN);
    Case::new(&w, set_new_admin_ix(&w, &other, 1), configured(&w))
        .fails(ProgramError::InvalidInstructionData);
}

// ---------------------------------------------------------------------------
// Not implemented yet
// ---------------------------------------------------------------------------

#[test]
fn undecodable_instruction_data_fails_before_any_account_check() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let mollusk = ncn_world_at(&w.program, SLOT).mollusk;
    // Every tag with one byte too few (tags 1-3 take no arguments: one byte too many), an
    // unknown tag, no tag.
    let mut cases: Vec<Vec<u8>> = (0u8..31)
        .map(|tag| match tag {
            1..=3 => vec![tag, 0],
            _ => vec![tag],
        })
        .collect();
    cases.extend([
        vec![],
        vec![31u8],
        vec![255u8],
        vec![29u8, 2],
        vec![26u8, 1],
    ]);
    for data in cases {
        let ix = Instruction {
            program_id: w.program,
            accounts: vec![],
            data,
        };
        let result = mollusk.process_instruction(&ix, &[]);
        assert_error(&result, &[], ProgramError::InvalidInstructionData);
    }
}

// ---------------------------------------------------------------------------
// Epoch state and weight table
// ---------------------------------------------------------------------------

const EPOCH: u64 = 10;
mod wcode {
    pub const INCORRECT_WEIGHT_TABLE_ADMIN: u32 = 0x2200;
    pub const TABLE_NOT_INITIALIZED: u32 = 0x2203;
    pub const WEIGHT_TABLE_ALREADY_INITIALIZED: u32 = 0x220a;
    pub const INVALID_MINT_FOR_WEIGHT_TABLE: u32 = 0x220e;
    pub const EPOCH_IS_CLOSING_DOWN: u32 = 0x224f;
    pub const MARKER_EXISTS: u32 = 0x2250;
}

/// This NCN's epoch state of `epoch` as `InitializeEpochState` leaves it.
fn epoch_state_bytes(w: &HandNcn, epoch: u64) -> Vec<u8> {
    ncn_layout::epoch_state(w.at(epoch), w.epoch_state(epoch).1)
}

/// The epoch state after `ReallocWeightTable`: weight table `Created`, the vault count, and
/// the weight progress `(0, mints)`.
fn epoch_state_with_table(w: &HandNcn, vaults: u64, mints: u64) -> Vec<u8> {
    let mut d = epoch_state_bytes(w, EPOCH);
    put(&mut d, 74, &vaults.to_le_bytes());
    d[83] = 1;
    put(&mut d, 599, &0u64.to_le_bytes());
    put(&mut d, 607, &mints.to_le_bytes());
    d
}

fn weight_table_bytes(
    w: &HandNcn,
    registry: &[u8],
    vault_count: u64,
    weights: &[(u128, u64, u64)],
) -> Vec<u8> {
    let bump = w.weight_table(EPOCH).1;
    ncn_layout::weight_table(w.at(EPOCH), bump, registry, vault_count, weights)
}

fn initialize_epoch_state_ix(w: &HandNcn, epoch: u64) -> Instruction {
    w.k().initialize_epoch_state_ix(epoch)
}

fn initialize_weight_table_ix(w: &HandNcn) -> Instruction {
    w.k().initialize_weight_table_ix(EPOCH)
}

fn realloc_weight_table_ix(w: &HandNcn) -> Instruction {
    w.k().realloc_weight_table_ix(EPOCH)
}

fn set_epoch_weights_ix(w: &HandNcn) -> Instruction {
    w.k().set_epoch_weights_ix(EPOCH)
}

fn admin_set_weight_ix(w: &HandNcn, mint: &Pubkey, weight: u128) -> Instruction {
    w.k().admin_set_weight_ix(mint, weight, EPOCH)
}

#[test]
fn initialize_epoch_state_writes_the_template_bytes() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let case = Case::new(&w, initialize_epoch_state_ix(&w, EPOCH), configured(&w));
    let result = case.succeeds_cu("InitializeEpochState");
    let state = account(&result, &w.epoch_state(EPOCH).0);
    assert_eq!(state.owner, w.program);
    assert_eq!(state.data, epoch_state_bytes(&w, EPOCH));
    assert_eq!(state.lamports, rent_exempt(8_904));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(8_904)
    );
    assert_only_written(&result, &case, &[w.epoch_state(EPOCH).0, w.payer]);
}

#[test]
fn initialize_epoch_state_checks() {
    let w = HandNcn::new(NCN_PROGRAM_ID);
    let case = |epoch| Case::new(&w, initialize_epoch_state_ix(&w, epoch), configured(&w));
    // A future epoch fails before any account check.
    case(EPOCH + 1)
        .flags(1, false, false)
        .fails(ProgramError::InvalidArgument);
    case(EPOCH)
        .set(
            w.epoch_state(EPOCH).0,
            w.owned(epoch_state_bytes(&w, EPOCH)),
        )
        .fails(ProgramError::InvalidAccountOwner);
    case(EPOCH)
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(EPOCH)
        .swap(5, TOKEN_PROGRAM_ID, program_account(&TOKEN_PROGRAM_ID).1)
        .fails(ProgramError::IncorrectProgramId);
    case(EPOCH)
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case(EPOCH)
        .flags(4, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(EPOCH)
        .swap(0, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidSeeds);
    case(EPOCH)
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    // Before the config's starting_valid_epoch (10).
    case(EPOCH - 1).fails(ProgramError::InvalidArgument);
    case(EPOCH)
        .swap(1, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidSeeds);
}

/// Config, a registry with one mint and one vault, the NCN counting that vault, the epoch
/// state: the state `InitializeWeightTable` and `ReallocWeightTable` run against.
struct TableWorld {
    w: HandNcn,
    mint: Pubkey,
    registry: Vec<u8>,
}

fn table_world() -> TableWorld {
    let mut w = HandNcn::new(NCN_PROGRAM_ID);
    w.ncn.vault_count = 1;
    let mint = Pubkey::new_unique();
    let registry = registry_bytes(
        &w.ncn_key,
        w.registry.1,
        &[(mint, 100)],
        &[(Pubkey::new_unique(), mint, 0, SLOT - 10)],
    );
    TableWorld { w, mint, registry }
}

impl TableWorld {
    fn state(&self, epoch_state: Vec<u8>) -> Vec<(Pubkey, Account)> {
        let mut state = with_registry(&self.w, self.w.owned(self.registry.clone()));
        state.push((self.w.epoch_state(EPOCH).0, self.w.owned(epoch_state)));
        state
    }
}

#[test]
fn initialize_weight_table_creates_10240_zero_bytes() {
    let t = table_world();
    let w = &t.w;
    let case = Case::new(
        w,
        initialize_weight_table_ix(w),
        t.state(epoch_state_bytes(w, EPOCH)),
    );
    let result = case.succeeds_cu("InitializeWeightTable");
    let table = account(&result, &w.weight_table(EPOCH).0);
    assert_eq!(table.owner, w.program);
    assert_eq!(table.data, vec![0u8; 10_240]);
    assert_eq!(table.lamports, rent_exempt(10_240));
    assert_only_written(&result, &case, &[w.weight_table(EPOCH).0, w.payer]);
}

#[test]
fn initialize_weight_table_checks() {
    let t = table_world();
    let w = &t.w;
    let case = || {
        Case::new(
            w,
            initialize_weight_table_ix(w),
            t.state(epoch_state_bytes(w, EPOCH)),
        )
    };
    let mut closing = epoch_state_bytes(w, EPOCH);
    closing[8_903] = 1;
    case()
        .set(w.epoch_state(EPOCH).0, w.owned(closing))
        .fails_custom(wcode::EPOCH_IS_CLOSING_DOWN);
    case()
        .set(w.epoch_state(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.registry.0, w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    case()
        .set(w.weight_table(EPOCH).0, w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountOwner);
    // The NCN counts another number of vaults than the registry.
    let mut ncn = w.ncn.clone();
    ncn.vault_count = 2;
    case()
        .set(w.ncn_key, owned_account(&RESTAKING_PROGRAM_ID, ncn.bytes()))
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(4, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
}

fn fresh_table(w: &HandNcn) -> Account {
    w.owned(vec![0; 10_240])
}

#[test]
fn realloc_weight_table_copies_the_registry() {
    let t = table_world();
    let w = &t.w;
    let mut state = t.state(epoch_state_bytes(w, EPOCH));
    state.push((w.weight_table(EPOCH).0, fresh_table(w)));
    let case = Case::new(w, realloc_weight_table_ix(w), state);
    let result = case.succeeds_cu("ReallocWeightTable");
    let table = account(&result, &w.weight_table(EPOCH).0);
    assert_eq!(table.data, weight_table_bytes(w, &t.registry, 1, &[]));
    assert_eq!(table.lamports, rent_exempt(12_353));
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_with_table(w, 1, 1)
    );
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - (rent_exempt(12_353) - rent_exempt(10_240))
    );
    assert_only_written(
        &result,
        &case,
        &[w.weight_table(EPOCH).0, w.epoch_state(EPOCH).0, w.payer],
    );

    // Again: nothing to do.
    let mut state = t.state(epoch_state_with_table(w, 1, 1));
    state.push((w.weight_table(EPOCH).0, table.clone()));
    let case = Case::new(w, realloc_weight_table_ix(w), state);
    let result = case.succeeds();
    assert_only_written(&result, &case, &[]);
}

#[test]
fn realloc_weight_table_checks() {
    let t = table_world();
    let w = &t.w;
    let case = || {
        let mut state = t.state(epoch_state_bytes(w, EPOCH));
        state.push((w.weight_table(EPOCH).0, fresh_table(w)));
        Case::new(w, realloc_weight_table_ix(w), state)
    };
    case()
        .swap(6, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    case()
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.epoch_state(EPOCH).0, w.owned(vec![0; 8_904]))
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(2, Pubkey::new_unique(), fresh_table(w))
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.weight_table(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    // A registry without vaults, or without mints, cannot make a table.
    let no_vaults = registry_bytes(&w.ncn_key, w.registry.1, &[(t.mint, 1)], &[]);
    case()
        .set(w.registry.0, w.owned(no_vaults))
        .fails_custom(wcode::WEIGHT_TABLE_ALREADY_INITIALIZED);
    let no_mints = registry_bytes(
        &w.ncn_key,
        w.registry.1,
        &[],
        &[(Pubkey::new_unique(), t.mint, 0, 1)],
    );
    case()
        .set(w.registry.0, w.owned(no_mints))
        .fails_custom(wcode::TABLE_NOT_INITIALIZED);
}

/// The state after `ReallocWeightTable`, with the table's weights as given.
fn weighted_state(
    t: &TableWorld,
    registry: &[u8],
    weights: &[(u128, u64, u64)],
) -> Vec<(Pubkey, Account)> {
    let w = &t.w;
    let mut state = with_registry(w, w.owned(registry.to_vec()));
    state.push((
        w.epoch_state(EPOCH).0,
        w.owned(epoch_state_with_table(w, 1, 1)),
    ));
    state.push((
        w.weight_table(EPOCH).0,
        w.owned(weight_table_bytes(w, &t.registry, 1, weights)),
    ));
    state
}

#[test]
fn set_epoch_weights_copies_the_registry_weights() {
    let t = table_world();
    let w = &t.w;
    let case = Case::new(
        w,
        set_epoch_weights_ix(w),
        weighted_state(&t, &t.registry, &[]),
    );
    let result = case.succeeds_cu("SetEpochWeights");
    assert_eq!(
        account(&result, &w.weight_table(EPOCH).0).data,
        weight_table_bytes(w, &t.registry, 1, &[(100, SLOT, SLOT)])
    );
    let mut state = epoch_state_with_table(w, 1, 1);
    put(&mut state, 599, &1u64.to_le_bytes());
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[w.weight_table(EPOCH).0, w.epoch_state(EPOCH).0],
    );
}

#[test]
fn set_epoch_weights_checks() {
    let t = table_world();
    let w = &t.w;
    let case = |registry: &[u8], weights: &[(u128, u64, u64)]| {
        Case::new(
            w,
            set_epoch_weights_ix(w),
            weighted_state(&t, registry, weights),
        )
    };
    case(&t.registry, &[])
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(&t.registry, &[])
        .set(
            w.ncn_key,
            owned_account(&Pubkey::new_unique(), w.ncn.bytes()),
        )
        .fails(ProgramError::InvalidAccountOwner);
    case(&t.registry, &[])
        .flags(3, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(&t.registry, &[])
        .set(w.registry.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    // Already finalized: every mint weighted.
    case(&t.registry, &[(5, 1, 1)]).fails(ProgramError::InvalidAccountData);
    // A registry mint with weight zero (only possible in raw bytes).
    let mut zero = t.registry.clone();
    put(&mut zero, 41 + 64, &0u128.to_le_bytes());
    case(&zero, &[]).fails_custom(code::WEIGHT_NOT_SET);
    // A mint listed after the table was made.
    let later = registry_bytes(
        &w.ncn_key,
        w.registry.1,
        &[(t.mint, 100), (Pubkey::new_unique(), 5)],
        &[(Pubkey::new_unique(), t.mint, 0, SLOT - 10)],
    );
    case(&later, &[]).fails_custom(wcode::INVALID_MINT_FOR_WEIGHT_TABLE);
}

#[test]
fn admin_set_weight_sets_one_weight() {
    let t = table_world();
    let w = &t.w;
    let case = Case::new(
        w,
        admin_set_weight_ix(w, &t.mint, 555),
        weighted_state(&t, &t.registry, &[]),
    );
    let result = case.succeeds_cu("AdminSetWeight");
    assert_eq!(
        account(&result, &w.weight_table(EPOCH).0).data,
        weight_table_bytes(w, &t.registry, 1, &[(555, SLOT, SLOT)])
    );
    let mut state = epoch_state_with_table(w, 1, 1);
    put(&mut state, 599, &1u64.to_le_bytes());
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[w.weight_table(EPOCH).0, w.epoch_state(EPOCH).0],
    );
}

#[test]
fn admin_set_weight_checks() {
    let t = table_world();
    let w = &t.w;
    let case = |mint: &Pubkey, weights: &[(u128, u64, u64)]| {
        Case::new(
            w,
            admin_set_weight_ix(w, mint, 1),
            weighted_state(&t, &t.registry, weights),
        )
    };
    case(&t.mint, &[])
        .set(
            w.ncn_key,
            owned_account(&Pubkey::new_unique(), w.ncn.bytes()),
        )
        .fails(ProgramError::InvalidAccountOwner);
    case(&t.mint, &[])
        .flags(3, true, false)
        .fails(ProgramError::MissingRequiredSignature);
    case(&t.mint, &[])
        .flags(3, false, true)
        .fails(ProgramError::InvalidAccountData);
    case(&t.mint, &[])
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(&t.mint, &[])
        .set(w.weight_table(EPOCH).0, fresh_table(w))
        .fails(ProgramError::InvalidAccountData);
    case(&t.mint, &[])
        .swap(3, Pubkey::new_unique(), system_account(0))
        .flags(3, true, true)
        .fails_custom(wcode::INCORRECT_WEIGHT_TABLE_ADMIN);
    case(&t.mint, &[(5, 1, 1)]).fails(ProgramError::InvalidAccountData);
    case(&Pubkey::new_unique(), &[]).fails_custom(wcode::INVALID_MINT_FOR_WEIGHT_TABLE);
}

// ---------------------------------------------------------------------------
// InitializeEpochSnapshot
// ---------------------------------------------------------------------------

mod scode {
    pub const WEIGHT_TABLE_NOT_FINALIZED: u32 = 0x221c;
    pub const NO_OPERATORS: u32 = 0x221e;
}

/// The epoch state once the weights are set: weight progress `(1, 1)`.
fn epoch_state_weighted(w: &HandNcn) -> Vec<u8> {
    let mut d = epoch_state_with_table(w, 1, 1);
    put(&mut d, 599, &1u64.to_le_bytes());
    d
}

fn initialize_epoch_snapshot_ix(w: &HandNcn) -> Instruction {
    w.k().initialize_epoch_snapshot_ix(EPOCH)
}

/// An NCN with three operators and one vault, its finalized weight table and epoch state.
fn snapshot_world() -> TableWorld {
    let mut t = table_world();
    t.w.ncn.operator_count = 3;
    t
}

fn snapshot_state(t: &TableWorld, weights: &[(u128, u64, u64)]) -> Vec<(Pubkey, Account)> {
    let w = &t.w;
    let mut state = configured(w);
    state.push((w.epoch_state(EPOCH).0, w.owned(epoch_state_weighted(w))));
    state.push((
        w.weight_table(EPOCH).0,
        w.owned(weight_table_bytes(w, &t.registry, 1, weights)),
    ));
    state
}

const SET: [(u128, u64, u64); 1] = [(100, SLOT, SLOT)];

#[test]
fn initialize_epoch_snapshot_writes_the_template_bytes() {
    let t = snapshot_world();
    let w = &t.w;
    let case = Case::new(w, initialize_epoch_snapshot_ix(w), snapshot_state(&t, &SET));
    let result = case.succeeds_cu("InitializeEpochSnapshot");
    // Template `EpochSnapshot` (125 bytes): header, ncn 8, epoch 40, bump 48, slot_created 49,
    // slot_finalized 57, operator_count 65, vault_count 73, operators_registered 81,
    // valid_operator_vault_delegations 89, stake weight 97 (u128), fees 113 (activation
    // epoch, protocol bps, NCN bps).
    let mut expected = vec![0u8; 125];
    expected[0] = 0x11;
    put(&mut expected, 8, w.ncn_key.as_ref());
    put(&mut expected, 40, &EPOCH.to_le_bytes());
    expected[48] = w.epoch_snapshot(EPOCH).1;
    put(&mut expected, 49, &SLOT.to_le_bytes());
    put(&mut expected, 65, &3u64.to_le_bytes());
    put(&mut expected, 73, &1u64.to_le_bytes());
    put(&mut expected, 113, &EPOCH.to_le_bytes());
    put(&mut expected, 121, &400u16.to_le_bytes());
    put(&mut expected, 123, &300u16.to_le_bytes());
    let snapshot = account(&result, &w.epoch_snapshot(EPOCH).0);
    assert_eq!(snapshot.owner, w.program);
    assert_eq!(snapshot.data, expected);
    assert_eq!(snapshot.lamports, rent_exempt(125));
    // Epoch state: snapshot `Created` (84), operator_count 66, snapshot progress (0, 3) at 615.
    let mut state = epoch_state_weighted(w);
    state[84] = 1;
    put(&mut state, 66, &3u64.to_le_bytes());
    put(&mut state, 623, &3u64.to_le_bytes());
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[w.epoch_snapshot(EPOCH).0, w.epoch_state(EPOCH).0, w.payer],
    );
}

#[test]
fn initialize_epoch_snapshot_checks() {
    let t = snapshot_world();
    let w = &t.w;
    let case = || Case::new(w, initialize_epoch_snapshot_ix(w), snapshot_state(&t, &SET));
    let mut closing = epoch_state_weighted(w);
    closing[8_903] = 1;
    case()
        .set(w.epoch_state(EPOCH).0, w.owned(closing))
        .fails_custom(wcode::EPOCH_IS_CLOSING_DOWN);
    case()
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(6, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    case()
        .set(w.epoch_snapshot(EPOCH).0, w.owned(vec![0; 125]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(7, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    case()
        .set(w.weight_table(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    Case::new(w, initialize_epoch_snapshot_ix(w), snapshot_state(&t, &[]))
        .fails_custom(scode::WEIGHT_TABLE_NOT_FINALIZED);
    case()
        .swap(5, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
    let mut ncn = w.ncn.clone();
    ncn.operator_count = 0;
    case()
        .set(w.ncn_key, owned_account(&RESTAKING_PROGRAM_ID, ncn.bytes()))
        .fails_custom(scode::NO_OPERATORS);
}

// ---------------------------------------------------------------------------
// InitializeOperatorSnapshot
// ---------------------------------------------------------------------------

mod ocode {
    pub const OPERATOR_FINALIZED: u32 = 0x2220;
    pub const OPERATOR_IS_NOT_IN_SNAPSHOT: u32 = 0x2246;
}

/// The epoch snapshot (3 operators, 1 vault) with `registered` operators.
fn epoch_snapshot_bytes(w: &HandNcn, registered: u64) -> Vec<u8> {
    let bump = w.epoch_snapshot(EPOCH).1;
    ncn_layout::epoch_snapshot(w.at(EPOCH), bump, (3, 1, registered), 300)
}

/// The epoch state after `InitializeEpochSnapshot` (3 operators).
fn epoch_state_snapshotted(w: &HandNcn) -> Vec<u8> {
    let mut d = epoch_state_weighted(w);
    d[84] = 1;
    put(&mut d, 66, &3u64.to_le_bytes());
    put(&mut d, 623, &3u64.to_le_bytes());
    d
}

struct OperatorWorld {
    t: TableWorld,
    operator: mollusk_tests::scenarios::restaking_init::OperatorFields,
    pair: Pubkey,
    restaking_config: Pubkey,
    snapshot: (Pubkey, u8),
}

/// The NCN's operator with NCN index 1 (operator index 5, fee 250 bps); `active` sets both
/// opt-ins active since slot 1,000 (epoch 0).
fn operator_world() -> OperatorWorld {
    let t = snapshot_world();
    let operator = mollusk_tests::scenarios::restaking_init::OperatorFields::new(
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        5,
        250,
    );
    let op = operator.address();
    let w = &t.w;
    let snapshot = w.of_operator("operator_snapshot", &op, EPOCH);
    OperatorWorld {
        pair: mollusk_tests::scenarios::restaking_init::ncn_operator_state_pda(&w.ncn_key, &op).0,
        restaking_config: mollusk_tests::scenarios::restaking_init::config_pda().0,
        snapshot,
        operator,
        t,
    }
}

impl OperatorWorld {
    fn pair_bytes(&self, index: u64, active: bool) -> Vec<u8> {
        let w = &self.t.w;
        let mut d = mollusk_tests::scenarios::restaking_init::ncn_operator_state_bytes(
            &w.ncn_key,
            &self.operator.address(),
            index,
            SLOT - 1,
        );
        if active {
            for toggle in [80, 128] {
                put(&mut d, toggle, &1_000u64.to_le_bytes());
                put(&mut d, toggle + 8, &0u64.to_le_bytes());
            }
        }
        d
    }

    fn state(&self, active: bool, registered: u64) -> Vec<(Pubkey, Account)> {
        let w = &self.t.w;
        let mut state = configured(w);
        state.push((w.epoch_state(EPOCH).0, w.owned(epoch_state_snapshotted(w))));
        state.push((
            w.epoch_snapshot(EPOCH).0,
            w.owned(epoch_snapshot_bytes(w, registered)),
        ));
        state.push((
            self.restaking_config,
            mollusk_tests::scenarios::restaking_init::ConfigFields::new(Pubkey::new_unique())
                .account(),
        ));
        state.push((self.operator.address(), self.operator.account()));
        state.push((
            self.pair,
            owned_account(&RESTAKING_PROGRAM_ID, self.pair_bytes(1, active)),
        ));
        state
    }

    fn ix(&self) -> Instruction {
        let op = self.operator.address();
        self.t.w.k().initialize_operator_snapshot_ix(&op, EPOCH)
    }

    fn case(&self, active: bool, registered: u64) -> Case {
        Case::new(&self.t.w, self.ix(), self.state(active, registered))
    }

    /// Operator 1's snapshot (operator index 5, fee 250 bps, one delegation if active).
    fn snapshot_bytes(&self, active: bool) -> Vec<u8> {
        let (op, at) = (self.operator.address(), self.t.w.at(EPOCH));
        let d = ncn_layout::operator_snapshot(&op, at, self.snapshot.1, (1, 5));
        if active {
            ncn_layout::active_operator(d, 250, 1)
        } else {
            d
        }
    }
}

#[test]
fn initialize_operator_snapshot_active_operator() {
    let o = operator_world();
    let w = &o.t.w;
    let case = o.case(true, 0);
    let result = case.succeeds_cu("InitializeOperatorSnapshot");
    let snapshot = account(&result, &o.snapshot.0);
    assert_eq!(snapshot.owner, w.program);
    assert_eq!(snapshot.data, o.snapshot_bytes(true));
    assert_eq!(snapshot.lamports, rent_exempt(3_740));
    // Epoch state: operator 1's snapshot `Created` (86), its progress (0, 1 vault) at 647.
    let mut state = epoch_state_snapshotted(w);
    state[86] = 1;
    put(&mut state, 655, &1u64.to_le_bytes());
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[o.snapshot.0, w.epoch_state(EPOCH).0, w.payer],
    );
}

#[test]
fn initialize_operator_snapshot_inactive_operator_counts_at_once() {
    let o = operator_world();
    let w = &o.t.w;
    let case = o.case(false, 0);
    let result = case.succeeds();
    assert_eq!(
        account(&result, &o.snapshot.0).data,
        o.snapshot_bytes(false)
    );
    assert_eq!(
        account(&result, &w.epoch_snapshot(EPOCH).0).data,
        epoch_snapshot_bytes(w, 1)
    );
    // Progress (1, 1) for the operator; the epoch snapshot progress tally 1 (615).
    let mut state = epoch_state_snapshotted(w);
    state[86] = 1;
    put(&mut state, 647, &1u64.to_le_bytes());
    put(&mut state, 655, &1u64.to_le_bytes());
    put(&mut state, 615, &1u64.to_le_bytes());
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[
            o.snapshot.0,
            w.epoch_snapshot(EPOCH).0,
            w.epoch_state(EPOCH).0,
            w.payer,
        ],
    );
}

#[test]
fn initialize_operator_snapshot_checks() {
    let o = operator_world();
    let w = &o.t.w;
    o.case(true, 0)
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    o.case(true, 0)
        .set(
            o.operator.address(),
            owned_account(&Pubkey::new_unique(), o.operator.bytes()),
        )
        .fails(ProgramError::InvalidAccountOwner);
    // The pair state of another operator (at its own PDA).
    let stranger = Pubkey::new_unique();
    let other = mollusk_tests::scenarios::restaking_init::ncn_operator_state_bytes(
        &w.ncn_key, &stranger, 1, 1,
    );
    o.case(true, 0)
        .swap(
            6,
            mollusk_tests::scenarios::restaking_init::ncn_operator_state_pda(&w.ncn_key, &stranger)
                .0,
            owned_account(&RESTAKING_PROGRAM_ID, other),
        )
        .fails(ProgramError::InvalidAccountData);
    o.case(true, 0)
        .set(w.epoch_snapshot(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    o.case(true, 0)
        .set(o.snapshot.0, w.owned(vec![0; 3_740]))
        .fails(ProgramError::InvalidAccountOwner);
    o.case(true, 0)
        .swap(8, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
    o.case(true, 0)
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    // NCN index 3 of 3 operators.
    o.case(true, 0)
        .set(
            o.pair,
            owned_account(&RESTAKING_PROGRAM_ID, o.pair_bytes(3, true)),
        )
        .fails_custom(ocode::OPERATOR_IS_NOT_IN_SNAPSHOT);
    // The restaking config must be the restaking program's.
    o.case(true, 0)
        .set(
            o.restaking_config,
            owned_account(
                &Pubkey::new_unique(),
                mollusk_tests::scenarios::restaking_init::ConfigFields::new(Pubkey::new_unique())
                    .bytes(),
            ),
        )
        .fails(ProgramError::InvalidAccountOwner);
    // An inactive operator writes the epoch snapshot, which must not be complete yet.
    o.case(false, 0)
        .flags(7, false, false)
        .fails(ProgramError::InvalidAccountData);
    o.case(false, 3).fails_custom(ocode::OPERATOR_FINALIZED);
}

// ---------------------------------------------------------------------------
// SnapshotVaultOperatorDelegation
// ---------------------------------------------------------------------------

mod dcode {
    pub const VAULT_NOT_IN_REGISTRY: u32 = 0x2206;
    pub const VAULT_OPERATOR_DELEGATION_FINALIZED: u32 = 0x221f;
    pub const DUPLICATE_VAULT_OPERATOR_DELEGATION: u32 = 0x2222;
    pub const VAULT_NEEDS_UPDATE: u32 = 0x2241;
}

use mollusk_tests::scenarios::vault_roles::{
    vault_ncn_ticket_bytes, vault_ncn_ticket_pda, vault_operator_delegation_bytes,
    vault_operator_delegation_pda,
};

/// The operator world with the operator snapshotted (active, one vault to go) and a vault of
/// the table's mint (index 0, updated this epoch) with both tickets active since slot 1,000
/// and a delegation of 1,000 staked + 200 enqueued + 50 cooling down.
struct DelegationWorld {
    o: OperatorWorld,
    vault: VaultState,
}

fn delegation_world() -> DelegationWorld {
    let o = operator_world();
    let vault = VaultState::new(
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        o.t.mint,
        Pubkey::new_unique(),
        SLOT,
    );
    DelegationWorld { o, vault }
}

impl DelegationWorld {
    fn vault_key(&self) -> Pubkey {
        self.vault.address()
    }

    fn tickets(&self) -> [Pubkey; 3] {
        let (w, v, op) = (&self.o.t.w, self.vault_key(), self.o.operator.address());
        [
            vault_ncn_ticket_pda(&v, &w.ncn_key).0,
            ncn_vault_ticket_pda(&w.ncn_key, &v).0,
            vault_operator_delegation_pda(&v, &op).0,
        ]
    }

    /// Epoch state after the operator's snapshot (operator 1 active, progress (0, 1)).
    fn epoch_state(&self) -> Vec<u8> {
        let w = &self.o.t.w;
        let mut d = epoch_state_snapshotted(w);
        d[86] = 1;
        put(&mut d, 655, &1u64.to_le_bytes());
        d
    }

    fn state(&self) -> Vec<(Pubkey, Account)> {
        let o = &self.o;
        let w = &o.t.w;
        let (v, op) = (self.vault_key(), o.operator.address());
        let [vault_ncn, ncn_vault, delegation] = self.tickets();
        let mut ncn_vault_bytes = ncn_vault_ticket_bytes(&w.ncn_key, &v, 0, 1);
        put(&mut ncn_vault_bytes, 80, &1_000u64.to_le_bytes());
        put(&mut ncn_vault_bytes, 88, &0u64.to_le_bytes());
        let mut state = o.state(true, 0);
        state.retain(|(k, _)| *k != w.epoch_state(EPOCH).0);
        state.extend([
            (w.epoch_state(EPOCH).0, w.owned(self.epoch_state())),
            (
                w.weight_table(EPOCH).0,
                w.owned(weight_table_bytes(w, &o.t.registry, 1, &SET)),
            ),
            (o.snapshot.0, w.owned(o.snapshot_bytes(true))),
            (v, owned_account(&VAULT_PROGRAM_ID, self.vault.to_bytes())),
            (
                vault_ncn,
                owned_account(
                    &VAULT_PROGRAM_ID,
                    vault_ncn_ticket_bytes(&v, &w.ncn_key, 0, (1_000, 0)),
                ),
            ),
            (
                ncn_vault,
                owned_account(&RESTAKING_PROGRAM_ID, ncn_vault_bytes),
            ),
            (
                delegation,
                owned_account(
                    &VAULT_PROGRAM_ID,
                    vault_operator_delegation_bytes(&v, &op, 0, SLOT, (1_000, 200, 50)),
                ),
            ),
        ]);
        state
    }

    fn ix(&self) -> Instruction {
        let op = self.o.operator.address();
        let k = self.o.t.w.k();
        k.snapshot_vault_operator_delegation_ix(&op, &self.vault_key(), EPOCH)
    }

    fn case(&self) -> Case {
        Case::new(&self.o.t.w, self.ix(), self.state())
    }

    /// The operator snapshot once the vault is recorded with `weight`.
    fn operator_snapshot_after(&self, weight: u128) -> Vec<u8> {
        let mut d = self.o.snapshot_bytes(true);
        put(&mut d, 89, &SLOT.to_le_bytes());
        put(&mut d, 124, &1u64.to_le_bytes());
        put(&mut d, 132, &u64::from(weight > 0).to_le_bytes());
        put(&mut d, 140, &weight.to_le_bytes());
        put(&mut d, 156, self.vault_key().as_ref());
        put(&mut d, 188, &0u64.to_le_bytes());
        put(&mut d, 196, &weight.to_le_bytes());
        d
    }

    fn epoch_snapshot_after(&self, weight: u128) -> Vec<u8> {
        let mut d = epoch_snapshot_bytes(&self.o.t.w, 1);
        put(&mut d, 89, &u64::from(weight > 0).to_le_bytes());
        put(&mut d, 97, &weight.to_le_bytes());
        d
    }

    fn epoch_state_after(&self) -> Vec<u8> {
        let mut d = self.epoch_state();
        put(&mut d, 647, &1u64.to_le_bytes());
        put(&mut d, 615, &1u64.to_le_bytes());
        d
    }
}

#[test]
fn snapshot_vault_operator_delegation_records_the_stake_weight() {
    let d = delegation_world();
    let w = &d.o.t.w;
    let case = d.case();
    let result = case.succeeds_cu("SnapshotVaultOperatorDelegation");
    // (1,000 + 200 + 50) x weight 100.
    let weight = 125_000u128;
    assert_eq!(
        account(&result, &d.o.snapshot.0).data,
        d.operator_snapshot_after(weight)
    );
    assert_eq!(
        account(&result, &w.epoch_snapshot(EPOCH).0).data,
        d.epoch_snapshot_after(weight)
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        d.epoch_state_after()
    );
    assert_only_written(
        &result,
        &case,
        &[
            d.o.snapshot.0,
            w.epoch_snapshot(EPOCH).0,
            w.epoch_state(EPOCH).0,
        ],
    );
}

#[test]
fn snapshot_vault_operator_delegation_without_delegation_records_zero() {
    let d = delegation_world();
    let w = &d.o.t.w;
    let mut case = d.case();
    case.set(d.tickets()[2], system_account(0));
    let result = case.succeeds();
    assert_eq!(
        account(&result, &d.o.snapshot.0).data,
        d.operator_snapshot_after(0)
    );
    assert_eq!(
        account(&result, &w.epoch_snapshot(EPOCH).0).data,
        d.epoch_snapshot_after(0)
    );
}

#[test]
fn snapshot_vault_operator_delegation_checks() {
    let d = delegation_world();
    let w = &d.o.t.w;
    let other = Pubkey::new_unique();
    d.case()
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    d.case()
        .set(
            d.o.restaking_config,
            owned_account(
                &other,
                mollusk_tests::scenarios::restaking_init::ConfigFields::new(other).bytes(),
            ),
        )
        .fails(ProgramError::InvalidAccountOwner);
    d.case()
        .set(d.vault_key(), owned_account(&other, d.vault.to_bytes()))
        .fails(ProgramError::InvalidAccountOwner);
    // Another NCN's vault NCN ticket (its stored NCN is that NCN: an existing
    // ticket is proven by its stored fields, `jito_core::account`).
    let v = d.vault_key();
    d.case()
        .swap(
            6,
            other,
            owned_account(
                &VAULT_PROGRAM_ID,
                vault_ncn_ticket_bytes(&v, &other, 0, (1_000, 0)),
            ),
        )
        .fails(ProgramError::InvalidAccountData);
    // A delegation at another address.
    d.case()
        .swap(
            8,
            other,
            owned_account(
                &VAULT_PROGRAM_ID,
                vault_operator_delegation_bytes(&v, &other, 0, SLOT, (1, 0, 0)),
            ),
        )
        .fails(ProgramError::InvalidAccountData);
    d.case()
        .flags(10, false, false)
        .fails(ProgramError::InvalidAccountData);
    d.case()
        .flags(11, false, false)
        .fails(ProgramError::InvalidAccountData);
    // Last updated in an earlier epoch.
    let mut stale = d.vault.clone();
    stale.last_full_state_update_slot = SLOT - 432_000;
    d.case()
        .set(v, owned_account(&VAULT_PROGRAM_ID, stale.to_bytes()))
        .fails_custom(dcode::VAULT_NEEDS_UPDATE);
    // A vault index the table's registry does not have.
    let mut unlisted = d.vault.clone();
    unlisted.vault_index = 7;
    d.case()
        .set(v, owned_account(&VAULT_PROGRAM_ID, unlisted.to_bytes()))
        .fails_custom(dcode::VAULT_NOT_IN_REGISTRY);
    // The operator's snapshot is complete already.
    let mut done = d.o.snapshot_bytes(true);
    put(&mut done, 124, &1u64.to_le_bytes());
    d.case()
        .set(d.o.snapshot.0, w.owned(done))
        .fails_custom(dcode::VAULT_OPERATOR_DELEGATION_FINALIZED);
    // Vault index 0 recorded already (two delegations expected).
    let mut twice = d.o.snapshot_bytes(true);
    put(&mut twice, 116, &2u64.to_le_bytes());
    put(&mut twice, 124, &1u64.to_le_bytes());
    put(&mut twice, 188, &0u64.to_le_bytes());
    d.case()
        .set(d.o.snapshot.0, w.owned(twice))
        .fails_custom(dcode::DUPLICATE_VAULT_OPERATOR_DELEGATION);
}

// ---------------------------------------------------------------------------
// Ballot box: initialize and realloc
// ---------------------------------------------------------------------------

fn initialize_ballot_box_ix(w: &HandNcn) -> Instruction {
    w.k().initialize_ballot_box_ix(EPOCH)
}

fn realloc_ballot_box_ix(w: &HandNcn) -> Instruction {
    w.k().realloc_ballot_box_ix(EPOCH)
}

/// The epoch state the ballot box instructions run against (3 operators snapshotted).
fn voting_world() -> (HandNcn, Vec<(Pubkey, Account)>) {
    let w = snapshot_world().w;
    let mut state = configured(&w);
    state.push((w.epoch_state(EPOCH).0, w.owned(epoch_state_snapshotted(&w))));
    (w, state)
}

fn ballot_box_bytes(w: &HandNcn) -> Vec<u8> {
    ncn_layout::ballot_box(w.at(EPOCH), w.ballot_box(EPOCH).1)
}

#[test]
fn initialize_ballot_box_creates_the_box_and_the_consensus_result() {
    let (w, state) = voting_world();
    let case = Case::new(&w, initialize_ballot_box_ix(&w), state);
    let result = case.succeeds_cu("InitializeBallotBox");
    let ballot_box = account(&result, &w.ballot_box(EPOCH).0);
    assert_eq!(ballot_box.owner, w.program);
    assert_eq!(ballot_box.data, vec![0u8; 10_240]);
    assert_eq!(ballot_box.lamports, rent_exempt(10_240));
    // Template `ConsensusResult` (74 bytes): header, ncn 8, epoch 40, vote weight 48, total 56,
    // consensus slot 64, bump 72, weather status 73.
    let mut expected = vec![0u8; 74];
    expected[0] = 0x21;
    put(&mut expected, 8, w.ncn_key.as_ref());
    put(&mut expected, 40, &EPOCH.to_le_bytes());
    expected[72] = w.consensus_result(EPOCH).1;
    let consensus = account(&result, &w.consensus_result(EPOCH).0);
    assert_eq!(consensus.data, expected);
    assert_eq!(consensus.lamports, rent_exempt(74));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(10_240) - rent_exempt(74)
    );
    assert_only_written(
        &result,
        &case,
        &[w.ballot_box(EPOCH).0, w.consensus_result(EPOCH).0, w.payer],
    );
}

#[test]
fn initialize_ballot_box_checks() {
    let (w, state) = voting_world();
    let case = || Case::new(&w, initialize_ballot_box_ix(&w), state.clone());
    case()
        .set(w.ballot_box(EPOCH).0, w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(6, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    let mut closing = epoch_state_snapshotted(&w);
    closing[8_903] = 1;
    case()
        .set(w.epoch_state(EPOCH).0, w.owned(closing))
        .fails_custom(wcode::EPOCH_IS_CLOSING_DOWN);
    case()
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    case()
        .swap(3, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidSeeds);
    // The consensus result exists already, or is not at its PDA.
    case()
        .set(w.consensus_result(EPOCH).0, w.owned(vec![0x21; 74]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(7, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidSeeds);
    let mut short = case();
    short.ix.accounts.pop();
    short.fails(ProgramError::NotEnoughAccountKeys);
}

#[test]
fn realloc_ballot_box_takes_two_steps_then_opens_voting() {
    let (w, state) = voting_world();
    let mut current = w.owned(vec![0; 10_240]);
    let mut epoch_state = epoch_state_snapshotted(&w);
    for (size, done) in [(20_480usize, false), (22_099, true)] {
        let mut s = state.clone();
        s.retain(|(k, _)| *k != w.epoch_state(EPOCH).0);
        s.push((w.epoch_state(EPOCH).0, w.owned(epoch_state.clone())));
        s.push((w.ballot_box(EPOCH).0, current.clone()));
        let case = Case::new(&w, realloc_ballot_box_ix(&w), s);
        let result = case.succeeds();
        let ballot_box = account(&result, &w.ballot_box(EPOCH).0).clone();
        assert_eq!(ballot_box.lamports, rent_exempt(size));
        // Each step starts from a payer of PAYER_LAMPORTS and pays the rent difference.
        assert_eq!(
            account(&result, &w.payer).lamports,
            PAYER_LAMPORTS - (rent_exempt(size) - current.lamports)
        );
        if done {
            assert_eq!(ballot_box.data, ballot_box_bytes(&w));
            // Ballot box `Created` (82 + 259 = 341), voting progress (0, 3 operators) at
            // 4,727.
            epoch_state[341] = 1;
            put(&mut epoch_state, 4_735, &3u64.to_le_bytes());
            assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, epoch_state);
        } else {
            assert_eq!(ballot_box.data, vec![0u8; size]);
            assert_only_written(&result, &case, &[w.ballot_box(EPOCH).0, w.payer]);
        }
        current = ballot_box;
    }
    // Complete: nothing to do.
    let mut s = state.clone();
    s.retain(|(k, _)| *k != w.epoch_state(EPOCH).0);
    s.push((w.epoch_state(EPOCH).0, w.owned(epoch_state)));
    s.push((w.ballot_box(EPOCH).0, current));
    let case = Case::new(&w, realloc_ballot_box_ix(&w), s);
    let result = case.succeeds();
    assert_only_written(&result, &case, &[]);
}

#[test]
fn realloc_ballot_box_checks() {
    let (w, state) = voting_world();
    let with_box = |data: Vec<u8>| {
        let mut s = state.clone();
        s.push((w.ballot_box(EPOCH).0, w.owned(data)));
        Case::new(&w, realloc_ballot_box_ix(&w), s)
    };
    with_box(vec![0; 10_240])
        .swap(5, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    with_box(vec![0; 10_240])
        .set(w.epoch_state(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    with_box(vec![0; 10_240])
        .swap(2, Pubkey::new_unique(), w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountData);
    with_box(vec![0; 10_240])
        .set(w.ballot_box(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    // The completing step writes the epoch state: it must be writable.
    with_box(vec![0; 20_480])
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    // A growing step does not touch it.
    with_box(vec![0; 10_240]).flags(0, false, false).succeeds();
}

// ---------------------------------------------------------------------------
// CastVote and AdminSetTieBreaker
// ---------------------------------------------------------------------------

mod vcode {
    pub const CANNOT_VOTE_WITH_ZERO_STAKE: u32 = 0x2224;
    pub const OPERATOR_ALREADY_VOTED: u32 = 0x2225;
    pub const CONSENSUS_ALREADY_REACHED: u32 = 0x222a;
    pub const EPOCH_SNAPSHOT_NOT_FINALIZED: u32 = 0x222c;
    pub const VOTING_NOT_VALID: u32 = 0x222d;
    pub const TIE_BREAKER_ADMIN_INVALID: u32 = 0x222e;
    pub const VOTING_NOT_FINALIZED: u32 = 0x222f;
    pub const TIE_BREAKER_NOT_IN_PRIOR_VOTES: u32 = 0x2230;
    pub const INVALID_OPERATOR_VOTER: u32 = 0x2232;
    pub const BAD_BALLOT: u32 = 0x2244;
}

/// Total stake weight of the epoch in these tests.
const TOTAL: u128 = 300;

/// One recorded vote: (operator, slot, weight, tally index).
type Vote = (Pubkey, u64, u128, u16);
/// One tally: (weather status, weight, votes).
type Tally = (u8, u128, u64);

/// Ballot box bytes with `votes`, `tallies`, an optional consensus `(slot, weather)` and a
/// tie-breaker winner (valid winner without slot).
fn ballot_box_with(
    w: &HandNcn,
    votes: &[Vote],
    tallies: &[Tally],
    consensus: Option<(u64, u8)>,
    tie_breaker: Option<u8>,
) -> Vec<u8> {
    let mut d = ballot_box_bytes(w);
    put(&mut d, 65, &(votes.len() as u64).to_le_bytes());
    put(&mut d, 73, &(tallies.len() as u64).to_le_bytes());
    for (i, (op, slot, weight, index)) in votes.iter().enumerate() {
        let at = 83 + 58 * i;
        put(&mut d, at, op.as_ref());
        put(&mut d, at + 32, &slot.to_le_bytes());
        put(&mut d, at + 40, &weight.to_le_bytes());
        put(&mut d, at + 56, &index.to_le_bytes());
    }
    for (i, (weather, weight, count)) in tallies.iter().enumerate() {
        let at = 14_931 + 28 * i;
        put(&mut d, at, &(i as u16).to_le_bytes());
        d[at + 2] = *weather;
        d[at + 3] = 1;
        put(&mut d, at + 4, &weight.to_le_bytes());
        put(&mut d, at + 20, &count.to_le_bytes());
    }
    if let Some((slot, weather)) = consensus {
        put(&mut d, 57, &slot.to_le_bytes());
        d[81] = weather;
        d[82] = 1;
    }
    if let Some(weather) = tie_breaker {
        d[81] = weather;
        d[82] = 1;
    }
    d
}

/// Consensus result bytes: fresh, or with `(weather, vote weight, total, slot)`.
fn consensus_result_bytes(w: &HandNcn, recorded: Option<(u8, u64, u64, u64)>) -> Vec<u8> {
    let bump = w.consensus_result(EPOCH).1;
    ncn_layout::consensus_result(&w.ncn_key, EPOCH, bump, recorded)
}

/// The epoch state with voting open: the ballot box `Created`, voting progress (voted, 3),
/// and the consensus slot if any.
fn epoch_state_voting(w: &HandNcn, voted: u64, consensus_slot: Option<u64>) -> Vec<u8> {
    let mut d = epoch_state_snapshotted(w);
    d[341] = 1;
    put(&mut d, 4_727, &voted.to_le_bytes());
    put(&mut d, 4_735, &3u64.to_le_bytes());
    if let Some(slot) = consensus_slot {
        put(&mut d, 58, &slot.to_le_bytes());
    }
    d
}

struct VoteWorld {
    o: OperatorWorld,
    voter: Pubkey,
}

fn vote_world() -> VoteWorld {
    let mut o = operator_world();
    let voter = Pubkey::new_unique();
    o.operator.voter = voter;
    VoteWorld { o, voter }
}

impl VoteWorld {
    fn w(&self) -> &HandNcn {
        &self.o.t.w
    }

    /// The state of a vote with stake `weight` against `ballot_box` (epoch snapshot complete
    /// with TOTAL).
    fn state(
        &self,
        weight: u128,
        ballot_box: Vec<u8>,
        result: Vec<u8>,
        epoch_state: Vec<u8>,
    ) -> Vec<(Pubkey, Account)> {
        let w = self.w();
        let mut snapshot = epoch_snapshot_bytes(w, 3);
        put(&mut snapshot, 97, &TOTAL.to_le_bytes());
        let mut operator_snapshot = self.o.snapshot_bytes(true);
        put(&mut operator_snapshot, 140, &weight.to_le_bytes());
        let mut state = configured(w);
        state.extend([
            (w.epoch_state(EPOCH).0, w.owned(epoch_state)),
            (w.ballot_box(EPOCH).0, w.owned(ballot_box)),
            (w.epoch_snapshot(EPOCH).0, w.owned(snapshot)),
            (self.o.snapshot.0, w.owned(operator_snapshot)),
            (self.o.operator.address(), self.o.operator.account()),
            (self.voter, system_account(0)),
            (w.consensus_result(EPOCH).0, w.owned(result)),
        ]);
        state
    }

    fn fresh(&self, weight: u128) -> Vec<(Pubkey, Account)> {
        let w = self.w();
        self.state(
            weight,
            ballot_box_bytes(w),
            consensus_result_bytes(w, None),
            epoch_state_voting(w, 0, None),
        )
    }

    fn ix(&self, weather: u8) -> Instruction {
        let op = self.o.operator.address();
        self.w().k().cast_vote_ix(&op, &self.voter, weather, EPOCH)
    }
}

#[test]
fn cast_vote_at_two_thirds_reaches_consensus() {
    let v = vote_world();
    let w = v.w();
    let op = v.o.operator.address();
    let case = Case::new(w, v.ix(2), v.fresh(200));
    let result = case.succeeds_cu("CastVote/consensus");
    assert_eq!(
        account(&result, &w.ballot_box(EPOCH).0).data,
        ballot_box_with(
            w,
            &[(op, SLOT, 200, 0)],
            &[(2, 200, 1)],
            Some((SLOT, 2)),
            None
        )
    );
    assert_eq!(
        account(&result, &w.consensus_result(EPOCH).0).data,
        consensus_result_bytes(w, Some((2, 200, 300, SLOT)))
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_voting(w, 1, Some(SLOT))
    );
    assert_only_written(
        &result,
        &case,
        &[
            w.ballot_box(EPOCH).0,
            w.consensus_result(EPOCH).0,
            w.epoch_state(EPOCH).0,
        ],
    );
}

#[test]
fn cast_vote_below_two_thirds_only_counts() {
    let v = vote_world();
    let w = v.w();
    let op = v.o.operator.address();
    let case = Case::new(w, v.ix(0), v.fresh(199));
    let result = case.succeeds_cu("CastVote");
    assert_eq!(
        account(&result, &w.ballot_box(EPOCH).0).data,
        ballot_box_with(w, &[(op, SLOT, 199, 0)], &[(0, 199, 1)], None, None)
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_voting(w, 1, None)
    );
    assert_only_written(
        &result,
        &case,
        &[w.ballot_box(EPOCH).0, w.epoch_state(EPOCH).0],
    );
}

#[test]
fn late_votes_count_only_inside_valid_slots_after_consensus() {
    let v = vote_world();
    let w = v.w();
    let op = v.o.operator.address();
    let first = Pubkey::new_unique();
    // Consensus `at` slots ago, by another operator's 200 of 300; the config allows 10,000.
    let state_at = |at: u64| {
        let slot = SLOT - at;
        v.state(
            50,
            ballot_box_with(
                w,
                &[(first, slot, 200, 0)],
                &[(1, 200, 1)],
                Some((slot, 1)),
                None,
            ),
            consensus_result_bytes(w, Some((1, 200, 300, slot))),
            epoch_state_voting(w, 1, Some(slot)),
        )
    };
    let case = Case::new(w, v.ix(1), state_at(10_000));
    let result = case.succeeds();
    let slot = SLOT - 10_000;
    assert_eq!(
        account(&result, &w.ballot_box(EPOCH).0).data,
        ballot_box_with(
            w,
            &[(first, slot, 200, 0), (op, SLOT, 50, 0)],
            &[(1, 250, 2)],
            Some((slot, 1)),
            None
        )
    );
    // Only the vote weight moves once consensus is recorded.
    assert_eq!(
        account(&result, &w.consensus_result(EPOCH).0).data,
        consensus_result_bytes(w, Some((1, 250, 300, slot)))
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_voting(w, 2, Some(slot))
    );
    Case::new(w, v.ix(1), state_at(10_001)).fails_custom(vcode::VOTING_NOT_VALID);
}

#[test]
fn cast_vote_checks() {
    let v = vote_world();
    let w = v.w();
    let op = v.o.operator.address();
    let case = |weight| Case::new(w, v.ix(1), v.fresh(weight));
    case(200)
        .flags(7, false, false)
        .fails(ProgramError::MissingRequiredSignature);
    case(200)
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(200)
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case(200)
        .flags(2, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(200)
        .set(w.epoch_snapshot(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case(200)
        .set(v.o.snapshot.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case(200)
        .flags(8, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(200)
        .swap(7, Pubkey::new_unique(), system_account(0))
        .flags(7, false, true)
        .fails_custom(vcode::INVALID_OPERATOR_VOTER);
    let mut open = epoch_snapshot_bytes(w, 2);
    put(&mut open, 97, &TOTAL.to_le_bytes());
    case(200)
        .set(w.epoch_snapshot(EPOCH).0, w.owned(open))
        .fails_custom(vcode::EPOCH_SNAPSHOT_NOT_FINALIZED);
    case(0).fails_custom(vcode::CANNOT_VOTE_WITH_ZERO_STAKE);
    Case::new(w, v.ix(3), v.fresh(200)).fails_custom(vcode::BAD_BALLOT);
    let voted = ballot_box_with(w, &[(op, SLOT - 1, 200, 0)], &[(1, 200, 1)], None, None);
    case(200)
        .set(w.ballot_box(EPOCH).0, w.owned(voted))
        .fails_custom(vcode::OPERATOR_ALREADY_VOTED);
    // After a tie break no vote counts.
    let settled = ballot_box_with(
        w,
        &[(Pubkey::new_unique(), 1, 5, 0)],
        &[(1, 5, 1)],
        None,
        Some(1),
    );
    case(200)
        .set(w.ballot_box(EPOCH).0, w.owned(settled))
        .fails_custom(vcode::VOTING_NOT_VALID);
}

fn tie_breaker_ix(w: &HandNcn, admin: &Pubkey, weather: u8) -> Instruction {
    let k = NcnKeys {
        tie_breaker_admin: *admin,
        ..w.k()
    };
    k.admin_set_tie_breaker_ix(weather, EPOCH)
}

/// Epoch 13 = epoch 10 + `epochs_before_stall` 3: the stall epoch.
const STALL_SLOT: u64 = 13 * 432_000 + 9;

fn tie_breaker_case(v: &VoteWorld, weather: u8, ballot_box: Vec<u8>, slot: u64) -> Case {
    let w = v.w();
    let mut state = v.fresh(200);
    state.retain(|(k, _)| *k != w.ballot_box(EPOCH).0);
    state.push((w.ballot_box(EPOCH).0, w.owned(ballot_box)));
    state.push((w.tie_breaker, system_account(0)));
    let mut case = Case::new(w, tie_breaker_ix(w, &w.tie_breaker, weather), state);
    case.world.warp(slot);
    case
}

#[test]
fn admin_set_tie_breaker_settles_a_stalled_epoch() {
    let v = vote_world();
    let w = v.w();
    let votes = [
        (Pubkey::new_unique(), 1, 100, 0),
        (Pubkey::new_unique(), 2, 100, 1),
    ];
    let tallies = [(0, 100, 1), (2, 100, 1)];
    let stalled = ballot_box_with(w, &votes, &tallies, None, None);
    let case = tie_breaker_case(&v, 2, stalled, STALL_SLOT);
    let result = case.succeeds_cu("AdminSetTieBreaker");
    assert_eq!(
        account(&result, &w.ballot_box(EPOCH).0).data,
        ballot_box_with(w, &votes, &tallies, None, Some(2))
    );
    // The epoch state records the slot and that the tie breaker decided.
    let mut state = epoch_state_voting(w, 0, Some(STALL_SLOT));
    state[57] = 1;
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[w.ballot_box(EPOCH).0, w.epoch_state(EPOCH).0],
    );
}

#[test]
fn admin_set_tie_breaker_checks() {
    let v = vote_world();
    let w = v.w();
    let votes = [(Pubkey::new_unique(), 1, 100, 0)];
    let stalled = ballot_box_with(w, &votes, &[(0, 100, 1)], None, None);
    let case = |weather, slot| tie_breaker_case(&v, weather, stalled.clone(), slot);
    case(0, STALL_SLOT)
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(0, STALL_SLOT)
        .flags(2, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(0, STALL_SLOT)
        .flags(4, false, false)
        .fails(ProgramError::MissingRequiredSignature);
    case(0, STALL_SLOT)
        .swap(4, Pubkey::new_unique(), system_account(0))
        .flags(4, false, true)
        .fails_custom(vcode::TIE_BREAKER_ADMIN_INVALID);
    // One epoch before the stall epoch.
    case(0, STALL_SLOT - 432_000).fails_custom(vcode::VOTING_NOT_FINALIZED);
    case(3, STALL_SLOT).fails_custom(vcode::BAD_BALLOT);
    case(1, STALL_SLOT).fails_custom(vcode::TIE_BREAKER_NOT_IN_PRIOR_VOTES);
    let reached = ballot_box_with(w, &votes, &[(0, 100, 1)], Some((SLOT, 0)), None);
    tie_breaker_case(&v, 0, reached, STALL_SLOT).fails_custom(vcode::CONSENSUS_ALREADY_REACHED);
}

// ---------------------------------------------------------------------------
// NCN reward router: initialize and realloc
// ---------------------------------------------------------------------------

fn initialize_ncn_reward_router_ix(w: &HandNcn) -> Instruction {
    w.k().initialize_ncn_reward_router_ix(EPOCH)
}

fn realloc_ncn_reward_router_ix(w: &HandNcn) -> Instruction {
    w.k().realloc_ncn_reward_router_ix(EPOCH)
}

/// Voting done with consensus: the state the router instructions run against.
fn routing_world() -> (HandNcn, Vec<(Pubkey, Account)>) {
    let w = snapshot_world().w;
    let mut state = configured(&w);
    state.push((
        w.epoch_state(EPOCH).0,
        w.owned(epoch_state_voting(&w, 3, Some(SLOT - 10))),
    ));
    state.push((w.ncn_reward_receiver(EPOCH), system_account(0)));
    (w, state)
}

#[test]
fn initialize_ncn_reward_router_creates_it_and_funds_the_receiver() {
    let (w, state) = routing_world();
    let case = Case::new(&w, initialize_ncn_reward_router_ix(&w), state);
    let result = case.succeeds_cu("InitializeNCNRewardRouter");
    let router = account(&result, &w.ncn_reward_router(EPOCH).0);
    assert_eq!(router.owner, w.program);
    assert_eq!(router.data, vec![0u8; 10_240]);
    assert_eq!(router.lamports, rent_exempt(10_240));
    let receiver = account(&result, &w.ncn_reward_receiver(EPOCH));
    assert_eq!(receiver.lamports, rent_exempt(0));
    assert_eq!(receiver.owner, SYSTEM_PROGRAM_ID);
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(10_240) - rent_exempt(0)
    );
    assert_only_written(
        &result,
        &case,
        &[
            w.ncn_reward_router(EPOCH).0,
            w.ncn_reward_receiver(EPOCH),
            w.payer,
        ],
    );
}

#[test]
fn initialize_ncn_reward_router_checks() {
    let (w, state) = routing_world();
    let case = || Case::new(&w, initialize_ncn_reward_router_ix(&w), state.clone());
    let mut closing = epoch_state_voting(&w, 3, Some(SLOT - 10));
    closing[8_903] = 1;
    case()
        .set(w.epoch_state(EPOCH).0, w.owned(closing))
        .fails_custom(wcode::EPOCH_IS_CLOSING_DOWN);
    case()
        .set(
            w.ncn_key,
            owned_account(&Pubkey::new_unique(), w.ncn.bytes()),
        )
        .fails(ProgramError::InvalidAccountOwner);
    // The receiver: system-owned, at its PDA, writable.
    case()
        .set(w.ncn_reward_receiver(EPOCH), w.owned(vec![]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(4, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
    case()
        .flags(4, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    case()
        .set(w.ncn_reward_router(EPOCH).0, w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(6, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    case()
        .swap(3, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
}

#[test]
fn realloc_ncn_reward_router_completes_it() {
    let (w, state) = routing_world();
    let mut s = state.clone();
    s.push((w.ncn_reward_router(EPOCH).0, w.owned(vec![0; 10_240])));
    let case = Case::new(&w, realloc_ncn_reward_router_ix(&w), s);
    let result = case.succeeds();
    // Template `NCNRewardRouter` (10,483 bytes): header, ncn 8, epoch 40, bump 48,
    // slot_created 49, four reward counters 57..89, reserved 128 bytes, last_vote_index 209
    // (`u16::MAX`), last_rewards_to_process 211 (`u64::MAX`), three reward sums, 256 routes
    // from 243.
    let mut expected = vec![0u8; 10_483];
    expected[0] = 0x40;
    put(&mut expected, 8, w.ncn_key.as_ref());
    put(&mut expected, 40, &EPOCH.to_le_bytes());
    expected[48] = w.ncn_reward_router(EPOCH).1;
    put(&mut expected, 49, &SLOT.to_le_bytes());
    put(&mut expected, 209, &u16::MAX.to_le_bytes());
    put(&mut expected, 211, &u64::MAX.to_le_bytes());
    let router = account(&result, &w.ncn_reward_router(EPOCH).0);
    assert_eq!(router.data, expected);
    assert_eq!(router.lamports, rent_exempt(10_483));
    // Epoch state: the router `CreatedWithReceiver` (82 + 260 = 342).
    let mut state_bytes = epoch_state_voting(&w, 3, Some(SLOT - 10));
    state_bytes[342] = 2;
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state_bytes);
    assert_only_written(
        &result,
        &case,
        &[
            w.ncn_reward_router(EPOCH).0,
            w.epoch_state(EPOCH).0,
            w.payer,
        ],
    );

    // Again: nothing to do.
    let mut s = state.clone();
    s.push((w.ncn_reward_router(EPOCH).0, router.clone()));
    let case = Case::new(&w, realloc_ncn_reward_router_ix(&w), s);
    let result = case.succeeds();
    assert_only_written(&result, &case, &[]);
}

#[test]
fn realloc_ncn_reward_router_checks() {
    let (w, state) = routing_world();
    let case = || {
        let mut s = state.clone();
        s.push((w.ncn_reward_router(EPOCH).0, w.owned(vec![0; 10_240])));
        Case::new(&w, realloc_ncn_reward_router_ix(&w), s)
    };
    case()
        .swap(5, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    case()
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.config.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(4, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .swap(2, Pubkey::new_unique(), w.owned(vec![0; 10_240]))
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.ncn_reward_router(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// InitializeOperatorVaultRewardRouter
// ---------------------------------------------------------------------------

impl OperatorWorld {
    fn vault_router(&self) -> (Pubkey, u8) {
        let op = self.operator.address();
        self.t
            .w
            .of_operator("operator_vault_reward_route", &op, EPOCH)
    }

    fn vault_receiver(&self) -> Pubkey {
        let op = self.operator.address();
        self.t
            .w
            .of_operator("operator_vault_reward_receiver", &op, EPOCH)
            .0
    }

    fn vault_router_state(&self) -> Vec<(Pubkey, Account)> {
        let w = &self.t.w;
        let mut state = configured(w);
        state.extend([
            (
                w.epoch_state(EPOCH).0,
                w.owned(epoch_state_voting(w, 3, Some(SLOT - 10))),
            ),
            (self.operator.address(), self.operator.account()),
            (self.snapshot.0, w.owned(self.snapshot_bytes(true))),
            (self.vault_receiver(), system_account(0)),
        ]);
        state
    }

    fn vault_router_ix(&self) -> Instruction {
        let op = self.operator.address();
        self.t
            .w
            .k()
            .initialize_operator_vault_reward_router_ix(&op, EPOCH)
    }
}

#[test]
fn initialize_operator_vault_reward_router_writes_the_template_bytes() {
    let o = operator_world();
    let w = &o.t.w;
    let case = Case::new(w, o.vault_router_ix(), o.vault_router_state());
    let result = case.succeeds_cu("InitializeOperatorVaultRewardRouter");
    // Template `OperatorVaultRewardRouter` (2,699 bytes): header, operator 8, ncn 40,
    // epoch 72, bump 80, slot_created 81, ncn_operator_index 89, five reward counters 97..137
    // with last_rewards_to_process 129 (`u64::MAX`), last delegation index 137 (`u16::MAX`),
    // 64 routes from 139.
    let mut expected = vec![0u8; 2_699];
    expected[0] = 0x41;
    put(&mut expected, 8, o.operator.address().as_ref());
    put(&mut expected, 40, w.ncn_key.as_ref());
    put(&mut expected, 72, &EPOCH.to_le_bytes());
    expected[80] = o.vault_router().1;
    put(&mut expected, 81, &SLOT.to_le_bytes());
    put(&mut expected, 89, &1u64.to_le_bytes());
    put(&mut expected, 129, &u64::MAX.to_le_bytes());
    put(&mut expected, 137, &u16::MAX.to_le_bytes());
    let router = account(&result, &o.vault_router().0);
    assert_eq!(router.owner, w.program);
    assert_eq!(router.data, expected);
    assert_eq!(router.lamports, rent_exempt(2_699));
    assert_eq!(
        account(&result, &o.vault_receiver()).lamports,
        rent_exempt(0)
    );
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(2_699) - rent_exempt(0)
    );
    // Epoch state: operator 1's router `CreatedWithReceiver` (82 + 261 + 1 = 344).
    let mut state = epoch_state_voting(w, 3, Some(SLOT - 10));
    state[344] = 2;
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[
            o.vault_router().0,
            o.vault_receiver(),
            w.epoch_state(EPOCH).0,
            w.payer,
        ],
    );
}

#[test]
fn initialize_operator_vault_reward_router_checks() {
    let o = operator_world();
    let w = &o.t.w;
    let case = || Case::new(w, o.vault_router_ix(), o.vault_router_state());
    case()
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(o.operator.address(), system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .set(o.snapshot.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .set(o.vault_receiver(), w.owned(vec![]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(6, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(o.vault_router().0, w.owned(vec![0; 2_699]))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(7, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    case()
        .swap(5, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
}

// ---------------------------------------------------------------------------
// DistributeProtocolRewards and DistributeNCNRewards
// ---------------------------------------------------------------------------

mod rcode {
    pub const ARITHMETIC_UNDERFLOW: u32 = 0x2102;
    pub const ROUTER_STILL_ROUTING: u32 = 0x223d;
}

fn ncn_router_bytes(
    w: &HandNcn,
    processed: u64,
    protocol: u64,
    ncn: u64,
    routing: Option<u16>,
) -> Vec<u8> {
    let bump = w.ncn_reward_router(EPOCH).1;
    ncn_layout::ncn_reward_router(w.at(EPOCH), bump, processed, (protocol, ncn), routing)
}

/// `DistributeProtocolRewards` (17) or `DistributeNCNRewards` (18) paying `wallet`.
fn distribute_ix(w: &HandNcn, tag: u8, wallet: &Pubkey) -> Instruction {
    let mut ix = match tag {
        17 => w.k().distribute_protocol_rewards_ix(EPOCH),
        _ => w.k().distribute_ncn_rewards_ix(EPOCH),
    };
    ix.accounts[5].pubkey = *wallet;
    ix
}

/// Routed: 1,000 lamports processed, 400 for the protocol and 300 for the NCN.
fn distribute_case(tag: u8) -> (HandNcn, Case, Pubkey) {
    let (w, mut state) = routing_world();
    let wallet = if tag == 17 {
        PROTOCOL_FEE_WALLET
    } else {
        w.fee_wallet
    };
    state.retain(|(k, _)| *k != w.ncn_reward_receiver(EPOCH) && *k != wallet);
    let router = ncn_router_bytes(&w, 1_000, 400, 300, None);
    state.extend([
        (w.ncn_reward_router(EPOCH).0, w.owned(router)),
        (
            w.ncn_reward_receiver(EPOCH),
            system_account(rent_exempt(0) + 1_000),
        ),
        (wallet, system_account(5)),
    ]);
    let case = Case::new(&w, distribute_ix(&w, tag, &wallet), state);
    (w, case, wallet)
}

#[test]
fn distribute_protocol_and_ncn_rewards_pay_the_fee_wallets() {
    for (tag, paid, left_protocol, left_ncn, progress) in [
        (17u8, 400u64, 0u64, 300u64, 4_775usize),
        (18, 300, 400, 0, 4_759),
    ] {
        let (w, case, wallet) = distribute_case(tag);
        let result = case.succeeds();
        assert_eq!(account(&result, &wallet).lamports, 5 + paid);
        assert_eq!(
            account(&result, &w.ncn_reward_receiver(EPOCH)).lamports,
            rent_exempt(0) + 1_000 - paid
        );
        let mut router = ncn_router_bytes(&w, 1_000, left_protocol, left_ncn, None);
        put(&mut router, 73, &(1_000 - paid).to_le_bytes());
        assert_eq!(account(&result, &w.ncn_reward_router(EPOCH).0).data, router);
        // Epoch state: total distribution tally 4,743 and the share's tally.
        let mut state = epoch_state_voting(&w, 3, Some(SLOT - 10));
        put(&mut state, 4_743, &paid.to_le_bytes());
        put(&mut state, progress, &paid.to_le_bytes());
        assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
        assert_only_written(
            &result,
            &case,
            &[
                wallet,
                w.ncn_reward_receiver(EPOCH),
                w.ncn_reward_router(EPOCH).0,
                w.epoch_state(EPOCH).0,
            ],
        );
    }
}

#[test]
fn distribute_fee_rewards_checks() {
    for tag in [17u8, 18] {
        let (w, case, _) = distribute_case(tag);
        let with = |f: &dyn Fn(&mut Case)| {
            let mut c = Case::new(&w, case.ix.clone(), case.state());
            f(&mut c);
            c
        };
        with(&|c| {
            c.flags(0, false, false);
        })
        .fails(ProgramError::InvalidAccountData);
        with(&|c| {
            c.set(w.config.0, system_account(0));
        })
        .fails(ProgramError::InvalidAccountOwner);
        with(&|c| {
            c.flags(3, false, false);
        })
        .fails(ProgramError::InvalidAccountData);
        with(&|c| {
            c.flags(4, false, false);
        })
        .fails(ProgramError::InvalidAccountData);
        // Another wallet than the config's.
        with(&|c| {
            c.swap(5, Pubkey::new_unique(), system_account(0));
        })
        .fails(ProgramError::InvalidAccountData);
        with(&|c| {
            c.set(
                w.ncn_reward_router(EPOCH).0,
                w.owned(ncn_router_bytes(&w, 1_000, 400, 300, Some(2))),
            );
        })
        .fails_custom(rcode::ROUTER_STILL_ROUTING);
        with(&|c| {
            c.set(
                w.ncn_reward_router(EPOCH).0,
                w.owned(ncn_router_bytes(&w, 100, 400, 300, None)),
            );
        })
        .fails_custom(rcode::ARITHMETIC_UNDERFLOW);
        with(&|c| {
            c.swap(6, TOKEN_PROGRAM_ID, program_account(&TOKEN_PROGRAM_ID).1);
        })
        .fails(ProgramError::IncorrectProgramId);
        // Nothing to pay: no transfer, nothing changes.
        let nothing = with(&|c| {
            c.set(
                w.ncn_reward_router(EPOCH).0,
                w.owned(ncn_router_bytes(&w, 0, 0, 0, None)),
            );
        });
        let result = nothing.succeeds();
        assert_only_written(&result, &nothing, &[]);
    }
}

// ---------------------------------------------------------------------------
// DistributeOperatorVaultRewardRoute, DistributeOperatorRewards, DistributeVaultRewards
// ---------------------------------------------------------------------------

const OPERATOR_REWARD_NOT_FOUND: u32 = 0x2236;

/// Operator 1's vault reward router with `processed` lamports routed, `operator_rewards` for
/// the operator, `routes` (vault, rewards), and mid-routing if `routing`.
fn vault_router_bytes(
    o: &OperatorWorld,
    processed: u64,
    operator_rewards: u64,
    routes: &[(Pubkey, u64)],
    routing: bool,
) -> Vec<u8> {
    let (op, at, bump) = (o.operator.address(), o.t.w.at(EPOCH), o.vault_router().1);
    ncn_layout::operator_vault_reward_router(
        &op,
        at,
        bump,
        1,
        processed,
        operator_rewards,
        routes,
        routing,
    )
}

/// The payout state: voting done, operator 1 snapshotted, its receiver holding `receiver`
/// lamports above rent exemption.
fn payout_state(o: &OperatorWorld, receiver: u64) -> Vec<(Pubkey, Account)> {
    let w = &o.t.w;
    let mut state = configured(w);
    state.extend([
        (
            w.epoch_state(EPOCH).0,
            w.owned(epoch_state_voting(w, 3, Some(SLOT - 10))),
        ),
        (o.operator.address(), o.operator.account()),
        (o.snapshot.0, w.owned(o.snapshot_bytes(true))),
        (
            o.vault_receiver(),
            system_account(rent_exempt(0) + receiver),
        ),
    ]);
    state
}

fn route_ix(o: &OperatorWorld) -> Instruction {
    let op = o.operator.address();
    o.t.w
        .k()
        .distribute_operator_vault_reward_route_ix(&op, EPOCH)
}

/// The NCN router with 1,000 processed, 600 of them routed to `operator` (route 0).
fn ncn_router_with_route(
    w: &HandNcn,
    operator: &Pubkey,
    rewards: u64,
    routing: Option<u16>,
) -> Vec<u8> {
    let mut d = ncn_router_bytes(w, 1_000, 0, 0, routing);
    put(&mut d, 243, operator.as_ref());
    put(&mut d, 275, &rewards.to_le_bytes());
    d
}

fn route_case(o: &OperatorWorld, ncn_router: Vec<u8>) -> Case {
    let w = &o.t.w;
    let mut state = payout_state(o, 0);
    state.extend([
        (w.ncn_reward_router(EPOCH).0, w.owned(ncn_router)),
        (
            w.ncn_reward_receiver(EPOCH),
            system_account(rent_exempt(0) + 1_000),
        ),
        (
            o.vault_router().0,
            w.owned(vault_router_bytes(o, 0, 0, &[], false)),
        ),
    ]);
    Case::new(w, route_ix(o), state)
}

#[test]
fn distribute_operator_vault_reward_route_moves_the_operator_share() {
    let o = operator_world();
    let w = &o.t.w;
    let op = o.operator.address();
    let case = route_case(&o, ncn_router_with_route(w, &op, 600, None));
    let result = case.succeeds_cu("DistributeOperatorVaultRewardRoute");
    let mut router = ncn_router_with_route(w, &op, 0, None);
    put(&mut router, 73, &400u64.to_le_bytes());
    assert_eq!(account(&result, &w.ncn_reward_router(EPOCH).0).data, router);
    assert_eq!(
        account(&result, &w.ncn_reward_receiver(EPOCH)).lamports,
        rent_exempt(0) + 400
    );
    assert_eq!(
        account(&result, &o.vault_receiver()).lamports,
        rent_exempt(0) + 600
    );
    // Operator-vault distribution tally (4,791).
    let mut state = epoch_state_voting(w, 3, Some(SLOT - 10));
    put(&mut state, 4_791, &600u64.to_le_bytes());
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(
        &result,
        &case,
        &[
            w.ncn_reward_router(EPOCH).0,
            w.ncn_reward_receiver(EPOCH),
            o.vault_receiver(),
            w.epoch_state(EPOCH).0,
        ],
    );
}

#[test]
fn distribute_operator_vault_reward_route_checks() {
    let o = operator_world();
    let w = &o.t.w;
    let op = o.operator.address();
    let case = || route_case(&o, ncn_router_with_route(w, &op, 600, None));
    case()
        .set(o.vault_router().0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(8, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    route_case(&o, ncn_router_with_route(w, &op, 600, Some(1)))
        .fails_custom(rcode::ROUTER_STILL_ROUTING);
    route_case(
        &o,
        ncn_router_with_route(w, &Pubkey::new_unique(), 600, None),
    )
    .fails_custom(OPERATOR_REWARD_NOT_FOUND);
    case()
        .flags(7, false, false)
        .fails(ProgramError::InvalidAccountData);
}

fn payout_ix(o: &OperatorWorld, vault: Option<&Pubkey>) -> Instruction {
    let (k, op) = (o.t.w.k(), o.operator.address());
    match vault {
        Some(vault) => k.distribute_vault_rewards_ix(&op, vault, EPOCH),
        None => k.distribute_operator_rewards_ix(&op, EPOCH),
    }
}

#[test]
fn distribute_operator_and_vault_rewards_pay_from_the_operator_receiver() {
    let o = operator_world();
    let w = &o.t.w;
    let vault = VaultState::new(
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        o.t.mint,
        Pubkey::new_unique(),
        SLOT,
    );
    let v = vault.address();
    let router = vault_router_bytes(&o, 500, 200, &[(v, 300)], false);
    for to_vault in [false, true] {
        let mut state = payout_state(&o, 500);
        state.push((o.vault_router().0, w.owned(router.clone())));
        state.push((v, owned_account(&VAULT_PROGRAM_ID, vault.to_bytes())));
        let case = Case::new(w, payout_ix(&o, to_vault.then_some(&v)), state);
        let result = case.succeeds();
        let (paid, to, after) = if to_vault {
            (
                300u64,
                v,
                vault_router_bytes(&o, 500, 200, &[(v, 0)], false),
            )
        } else {
            (
                200,
                o.operator.address(),
                vault_router_bytes(&o, 500, 0, &[(v, 300)], false),
            )
        };
        let mut after = after;
        put(&mut after, 113, &(500 - paid).to_le_bytes());
        assert_eq!(account(&result, &o.vault_router().0).data, after);
        let before = case
            .accounts()
            .iter()
            .find(|(k, _)| *k == to)
            .unwrap()
            .1
            .lamports;
        assert_eq!(account(&result, &to).lamports, before + paid);
        assert_eq!(
            account(&result, &o.vault_receiver()).lamports,
            rent_exempt(0) + 500 - paid
        );
        // Operator 1's route distribution tally (4,823) and the total (4,743).
        let mut state = epoch_state_voting(w, 3, Some(SLOT - 10));
        put(&mut state, 4_823, &paid.to_le_bytes());
        put(&mut state, 4_743, &paid.to_le_bytes());
        assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
        assert_only_written(
            &result,
            &case,
            &[
                o.vault_router().0,
                to,
                o.vault_receiver(),
                w.epoch_state(EPOCH).0,
            ],
        );
    }
}

#[test]
fn distribute_operator_and_vault_rewards_checks() {
    let o = operator_world();
    let w = &o.t.w;
    let vault = VaultState::new(
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        o.t.mint,
        Pubkey::new_unique(),
        SLOT,
    );
    let v = vault.address();
    let case = |to_vault: bool, router: Vec<u8>| {
        let mut state = payout_state(&o, 500);
        state.push((o.vault_router().0, w.owned(router)));
        state.push((v, owned_account(&VAULT_PROGRAM_ID, vault.to_bytes())));
        Case::new(w, payout_ix(&o, to_vault.then_some(&v)), state)
    };
    let ok = vault_router_bytes(&o, 500, 200, &[(v, 300)], false);
    // The operator is paid, so it is loaded writable.
    case(false, ok.clone())
        .flags(3, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(true, ok.clone())
        .flags(4, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(false, ok.clone())
        .flags(4, false, false)
        .fails(ProgramError::InvalidAccountData);
    case(false, vault_router_bytes(&o, 500, 200, &[(v, 300)], true))
        .fails_custom(rcode::ROUTER_STILL_ROUTING);
    case(true, vault_router_bytes(&o, 500, 200, &[], false))
        .fails_custom(OPERATOR_REWARD_NOT_FOUND);
    case(true, vault_router_bytes(&o, 100, 200, &[(v, 300)], false))
        .fails_custom(rcode::ARITHMETIC_UNDERFLOW);
    case(false, ok.clone())
        .swap(7, TOKEN_PROGRAM_ID, program_account(&TOKEN_PROGRAM_ID).1)
        .fails(ProgramError::IncorrectProgramId);
    case(true, ok)
        .set(o.vault_receiver(), w.owned(vec![]))
        .fails(ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// RouteNCNRewards
// ---------------------------------------------------------------------------

const VOTING_IS_NOT_OVER: u32 = 0x2245;

struct RouteWorld {
    w: HandNcn,
    a: Pubkey,
    b: Pubkey,
}

impl RouteWorld {
    /// Consensus `ago` slots before SLOT: A (200) and B (100) voted weather 1 (tally 0), C (50)
    /// weather 2.
    fn ballot_box(&self, ago: u64) -> Vec<u8> {
        let slot = SLOT - ago;
        ballot_box_with(
            &self.w,
            &[
                (self.a, slot, 200, 0),
                (Pubkey::new_unique(), slot, 50, 1),
                (self.b, slot, 100, 0),
            ],
            &[(1, 300, 2), (2, 50, 1)],
            Some((slot, 1)),
            None,
        )
    }

    fn state(&self, router: Vec<u8>, receiver: u64, ago: u64) -> Vec<(Pubkey, Account)> {
        let w = &self.w;
        let mut snapshot = epoch_snapshot_bytes(w, 3);
        put(&mut snapshot, 97, &TOTAL.to_le_bytes());
        let mut state = configured(w);
        state.extend([
            (
                w.epoch_state(EPOCH).0,
                w.owned(epoch_state_voting(w, 3, Some(SLOT - ago))),
            ),
            (w.epoch_snapshot(EPOCH).0, w.owned(snapshot)),
            (w.ballot_box(EPOCH).0, w.owned(self.ballot_box(ago))),
            (w.ncn_reward_router(EPOCH).0, w.owned(router)),
            (
                w.ncn_reward_receiver(EPOCH),
                system_account(rent_exempt(0) + receiver),
            ),
        ]);
        state
    }

    fn ix(&self, max_iterations: u16) -> Instruction {
        self.w.k().route_ncn_rewards_ix(max_iterations, EPOCH)
    }

    /// The router after routing 10,001 lamports: protocol 400, NCN 300 (+ `ncn_extra`),
    /// operator-vault `operator_vault` left, `routes`, mid-routing at `routing` if given.
    fn router(
        &self,
        ncn_extra: u64,
        operator_vault: u64,
        routes: &[(Pubkey, u64)],
        routing: Option<(u16, u64)>,
    ) -> Vec<u8> {
        let mut d = ncn_router_bytes(&self.w, 10_001, 400, 300 + ncn_extra, None);
        put(&mut d, 235, &operator_vault.to_le_bytes());
        for (i, (op, rewards)) in routes.iter().enumerate() {
            put(&mut d, 243 + 40 * i, op.as_ref());
            put(&mut d, 275 + 40 * i, &rewards.to_le_bytes());
        }
        if let Some((vote, rewards)) = routing {
            put(&mut d, 209, &vote.to_le_bytes());
            put(&mut d, 211, &rewards.to_le_bytes());
        }
        d
    }
}

fn route_world() -> RouteWorld {
    let w = snapshot_world().w;
    RouteWorld {
        w,
        a: Pubkey::new_unique(),
        b: Pubkey::new_unique(),
    }
}

/// The epoch state after routing: NCN total (4,767), protocol total (4,783) and the total
/// (4,751).
fn epoch_state_routed(w: &HandNcn, ago: u64, ncn: u64) -> Vec<u8> {
    let mut d = epoch_state_voting(w, 3, Some(SLOT - ago));
    put(&mut d, 4_767, &ncn.to_le_bytes());
    put(&mut d, 4_783, &400u64.to_le_bytes());
    put(&mut d, 4_751, &10_001u64.to_le_bytes());
    d
}

#[test]
fn route_ncn_rewards_splits_fees_and_operator_shares() {
    let r = route_world();
    let w = &r.w;
    let fresh = ncn_router_bytes(w, 0, 0, 0, None);
    let case = Case::new(w, r.ix(10), r.state(fresh, 10_001, 20_000));
    let result = case.succeeds_cu("RouteNCNRewards/2-operators");
    // 400 + 300 fees; 9,301 split 200:100 of the winning 300 = 6,200 + 3,100, 1 left to the NCN.
    assert_eq!(
        account(&result, &w.ncn_reward_router(EPOCH).0).data,
        r.router(1, 0, &[(r.a, 6_200), (r.b, 3_100)], None)
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_routed(w, 20_000, 301)
    );
    assert_only_written(
        &result,
        &case,
        &[w.ncn_reward_router(EPOCH).0, w.epoch_state(EPOCH).0],
    );
}

#[test]
fn route_ncn_rewards_resumes_after_max_iterations() {
    let r = route_world();
    let w = &r.w;
    let fresh = ncn_router_bytes(w, 0, 0, 0, None);
    let case = Case::new(w, r.ix(1), r.state(fresh, 10_001, 20_000));
    let result = case.succeeds();
    // One operator routed; the position (vote 2, B) and the amount being split are saved.
    let partial = r.router(0, 3_101, &[(r.a, 6_200)], Some((2, 9_301)));
    assert_eq!(
        account(&result, &w.ncn_reward_router(EPOCH).0).data,
        partial
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_routed(w, 20_000, 300)
    );
    // The next call finishes without routing the receiver again.
    let case = Case::new(w, r.ix(1), r.state(partial, 10_001, 20_000));
    let result = case.succeeds();
    assert_eq!(
        account(&result, &w.ncn_reward_router(EPOCH).0).data,
        r.router(1, 0, &[(r.a, 6_200), (r.b, 3_100)], None)
    );
}

#[test]
fn route_ncn_rewards_checks() {
    let r = route_world();
    let w = &r.w;
    let fresh = || ncn_router_bytes(w, 0, 0, 0, None);
    let case = || Case::new(w, r.ix(10), r.state(fresh(), 10_001, 20_000));
    case()
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.epoch_snapshot(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(5, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(w.ballot_box(EPOCH).0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .swap(6, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::InvalidAccountData);
    // Votes still count 10,000 slots after consensus.
    Case::new(w, r.ix(10), r.state(fresh(), 10_001, 10_000)).fails_custom(VOTING_IS_NOT_OVER);
    // The receiver holds less than its rent exemption.
    let mut poor = case();
    poor.set(w.ncn_reward_receiver(EPOCH), system_account(1));
    poor.fails_custom(rcode::ARITHMETIC_UNDERFLOW);
}

// ---------------------------------------------------------------------------
// RouteOperatorVaultRewards
// ---------------------------------------------------------------------------

struct VaultRouteWorld {
    o: OperatorWorld,
    v1: Pubkey,
    v2: Pubkey,
}

impl VaultRouteWorld {
    /// Operator 1 (fee 250 bps, weight 300) with vault 1 (index 0, weight 200) and vault 2
    /// (index 1, weight 100).
    fn snapshot(&self) -> Vec<u8> {
        let mut d = self.o.snapshot_bytes(true);
        put(&mut d, 140, &300u128.to_le_bytes());
        for (i, (v, weight)) in [(self.v1, 200u128), (self.v2, 100)].iter().enumerate() {
            put(&mut d, 156 + 56 * i, v.as_ref());
            put(&mut d, 156 + 56 * i + 32, &(i as u64).to_le_bytes());
            put(&mut d, 156 + 56 * i + 40, &weight.to_le_bytes());
        }
        d
    }

    fn case(&self, router: Vec<u8>, max_iterations: u16) -> Case {
        let o = &self.o;
        let w = &o.t.w;
        let mut state = payout_state(o, 10_001);
        state.retain(|(k, _)| *k != o.snapshot.0);
        state.push((o.snapshot.0, w.owned(self.snapshot())));
        state.push((o.vault_router().0, w.owned(router)));
        let op = o.operator.address();
        let ix = w
            .k()
            .route_operator_vault_rewards_ix(&op, max_iterations, EPOCH);
        Case::new(w, ix, state)
    }
}

fn vault_route_world() -> VaultRouteWorld {
    VaultRouteWorld {
        o: operator_world(),
        v1: Pubkey::new_unique(),
        v2: Pubkey::new_unique(),
    }
}

/// The epoch state after routing operator 1's 10,001 lamports (routes total at 4,831).
fn epoch_state_vault_routed(w: &HandNcn) -> Vec<u8> {
    let mut d = epoch_state_voting(w, 3, Some(SLOT - 10));
    put(&mut d, 4_831, &10_001u64.to_le_bytes());
    d
}

#[test]
fn route_operator_vault_rewards_pays_the_fee_and_splits_by_vault_weight() {
    let r = vault_route_world();
    let o = &r.o;
    let w = &o.t.w;
    let case = r.case(vault_router_bytes(o, 0, 0, &[], false), 100);
    let result = case.succeeds_cu("RouteOperatorVaultRewards/64-entries");
    // Fee floor(10,001 × 2.5 %) = 250; 9,751 split 200:100 of 300 = 6,500 + 3,250; 1 left to
    // the operator.
    assert_eq!(
        account(&result, &o.vault_router().0).data,
        vault_router_bytes(o, 10_001, 251, &[(r.v1, 6_500), (r.v2, 3_250)], false)
    );
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_vault_routed(w)
    );
    assert_only_written(
        &result,
        &case,
        &[o.vault_router().0, w.epoch_state(EPOCH).0],
    );
}

#[test]
fn route_operator_vault_rewards_resumes_after_max_iterations() {
    let r = vault_route_world();
    let o = &r.o;
    let w = &o.t.w;
    let case = r.case(vault_router_bytes(o, 0, 0, &[], false), 1);
    let result = case.succeeds();
    // Vault 1 routed; 9,751 being split and entry 1 saved.
    let mut partial = vault_router_bytes(o, 10_001, 250, &[(r.v1, 6_500)], false);
    put(&mut partial, 105, &3_251u64.to_le_bytes());
    put(&mut partial, 113, &6_750u64.to_le_bytes());
    put(&mut partial, 129, &9_751u64.to_le_bytes());
    put(&mut partial, 137, &1u16.to_le_bytes());
    assert_eq!(account(&result, &o.vault_router().0).data, partial);
    assert_eq!(
        account(&result, &w.epoch_state(EPOCH).0).data,
        epoch_state_vault_routed(w)
    );
    let result = r.case(partial, 100).succeeds();
    assert_eq!(
        account(&result, &o.vault_router().0).data,
        vault_router_bytes(o, 10_001, 251, &[(r.v1, 6_500), (r.v2, 3_250)], false)
    );
}

#[test]
fn route_operator_vault_rewards_checks() {
    let r = vault_route_world();
    let o = &r.o;
    let w = &o.t.w;
    let case = || r.case(vault_router_bytes(o, 0, 0, &[], false), 100);
    case()
        .flags(0, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(o.operator.address(), system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(5, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(o.snapshot.0, system_account(0))
        .fails(ProgramError::InvalidAccountOwner);
    case()
        .flags(4, false, false)
        .fails(ProgramError::InvalidAccountData);
    case()
        .set(o.vault_receiver(), system_account(1))
        .fails_custom(rcode::ARITHMETIC_UNDERFLOW);
    case()
        .set(
            w.ncn_key,
            owned_account(&Pubkey::new_unique(), w.ncn.bytes()),
        )
        .fails(ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// CloseEpochAccount
// ---------------------------------------------------------------------------

mod ccode {
    pub const CONSENSUS_NOT_REACHED: u32 = 0x222b;
    pub const INVALID_ACCOUNT_TO_CLOSE_DISCRIMINATOR: u32 = 0x2247;
    pub const ALREADY_CLOSED: u32 = 0x2249;
    pub const NOT_ENOUGH_EPOCHS: u32 = 0x224a;
    pub const NO_ENOUGH_ACCOUNTS: u32 = 0x224c;
    pub const EPOCH_STATE_NOT_LAST: u32 = 0x224d;
    pub const INVALID_NCN_FEE_WALLET: u32 = 0x224e;
}

/// Consensus in epoch 0 (slot 100): with `epochs_after_consensus_before_close` = 10 the
/// epoch's accounts close from epoch 10, the clock's.
const CONSENSUS_SLOT: u64 = 100;

struct CloseWorld {
    t: TableWorld,
}

impl CloseWorld {
    fn w(&self) -> &HandNcn {
        &self.t.w
    }

    fn epoch_state(&self, closed: &[usize], consensus: u64) -> Vec<u8> {
        let mut d = epoch_state_voting(self.w(), 3, Some(consensus));
        for &at in closed {
            d[at] = 3;
        }
        d
    }

    fn state(&self, epoch_state: Vec<u8>) -> Vec<(Pubkey, Account)> {
        let w = self.w();
        let mut state = configured(w);
        state.extend([
            (w.epoch_state(EPOCH).0, w.owned(epoch_state)),
            (
                w.weight_table(EPOCH).0,
                w.owned(weight_table_bytes(w, &self.t.registry, 1, &SET)),
            ),
            (
                w.ncn_reward_router(EPOCH).0,
                w.owned(ncn_router_bytes(w, 0, 0, 0, None)),
            ),
            (
                w.ncn_reward_receiver(EPOCH),
                system_account(rent_exempt(0) + 500),
            ),
            (
                w.consensus_result(EPOCH).0,
                w.owned(consensus_result_bytes(w, None)),
            ),
        ]);
        state
    }

    /// `CloseEpochAccount` of `to_close`, then the `extra` accounts (fee wallet, receiver).
    fn ix(&self, to_close: &Pubkey, extra: &[Pubkey]) -> Instruction {
        let mut ix = self.w().k().close_epoch_account_ix(to_close, None, EPOCH);
        ix.accounts.truncate(7);
        ix.accounts
            .extend(extra.iter().map(|k| AccountMeta::new(*k, false)));
        ix
    }

    fn case(&self, to_close: &Pubkey, extra: &[Pubkey], epoch_state: Vec<u8>) -> Case {
        Case::new(self.w(), self.ix(to_close, extra), self.state(epoch_state))
    }
}

fn close_world() -> CloseWorld {
    CloseWorld { t: table_world() }
}

/// `account` was closed: no lamports, no data, the system program's.
#[track_caller]
fn assert_closed(account: &Account) {
    assert_eq!(account.lamports, 0);
    assert!(account.data.is_empty());
    assert_eq!(account.owner, SYSTEM_PROGRAM_ID);
}

#[test]
fn close_epoch_account_closes_the_weight_table() {
    let c = close_world();
    let w = c.w();
    let table = w.weight_table(EPOCH).0;
    let case = c.case(&table, &[], c.epoch_state(&[], CONSENSUS_SLOT));
    let result = case.succeeds_cu("CloseEpochAccount/weight-table");
    assert_closed(account(&result, &table));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS + rent_exempt(12_353)
    );
    // Weight table `Closed` (83), epoch closing (8,903).
    let mut state = c.epoch_state(&[83], CONSENSUS_SLOT);
    state[8_903] = 1;
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
    assert_only_written(&result, &case, &[table, w.payer, w.epoch_state(EPOCH).0]);
}

#[test]
fn close_epoch_account_closes_the_ncn_reward_router_and_its_receiver() {
    let c = close_world();
    let w = c.w();
    let router = w.ncn_reward_router(EPOCH).0;
    let receiver = w.ncn_reward_receiver(EPOCH);
    let mut case = c.case(
        &router,
        &[w.fee_wallet, receiver],
        c.epoch_state(&[], CONSENSUS_SLOT),
    );
    case.set(w.fee_wallet, system_account(rent_exempt(0)));
    let result = case.succeeds_cu("CloseEpochAccount/ncn-reward-router");
    assert_closed(account(&result, &router));
    // What the receiver held beyond its rent exemption to the NCN fee wallet, the rest and
    // the router's rent to the payer.
    assert_eq!(
        account(&result, &w.fee_wallet).lamports,
        rent_exempt(0) + 500
    );
    assert_eq!(account(&result, &receiver).lamports, 0);
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS + rent_exempt(10_483) + rent_exempt(0)
    );
    let mut state = c.epoch_state(&[342], CONSENSUS_SLOT);
    state[8_903] = 1;
    assert_eq!(account(&result, &w.epoch_state(EPOCH).0).data, state);
}

#[test]
fn close_epoch_account_closes_the_epoch_state_last_and_leaves_the_marker() {
    let c = close_world();
    let w = c.w();
    let state_key = w.epoch_state(EPOCH).0;
    let all_closed = c.epoch_state(&[83, 84, 341, 342], CONSENSUS_SLOT);
    let case = c.case(&state_key, &[], all_closed.clone());
    let result = case.succeeds_cu("CloseEpochAccount/epoch-state");
    assert_closed(account(&result, &state_key));
    // Template `EpochMarker` (56 bytes): header, ncn 8, epoch 40, slot_closed 48.
    let mut marker = vec![0u8; 56];
    marker[0] = 0x51;
    put(&mut marker, 8, w.ncn_key.as_ref());
    put(&mut marker, 40, &EPOCH.to_le_bytes());
    put(&mut marker, 48, &SLOT.to_le_bytes());
    let marker_account = account(&result, &w.marker(EPOCH));
    assert_eq!(marker_account.data, marker);
    assert_eq!(marker_account.owner, w.program);
    assert_eq!(marker_account.lamports, rent_exempt(56));
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - rent_exempt(56) + rent_exempt(8_904)
    );
    // The epoch cannot start again.
    let mut again = configured(w);
    again.push((w.marker(EPOCH), marker_account.clone()));
    Case::new(w, initialize_epoch_state_ix(w, EPOCH), again).fails_custom(wcode::MARKER_EXISTS);
}

#[test]
fn close_epoch_account_checks() {
    let c = close_world();
    let w = c.w();
    let table = w.weight_table(EPOCH).0;
    let router = w.ncn_reward_router(EPOCH).0;
    let receiver = w.ncn_reward_receiver(EPOCH);
    let open = || c.epoch_state(&[], CONSENSUS_SLOT);
    c.case(&table, &[], open())
        .swap(6, Pubkey::new_unique(), system_account(0))
        .fails(ProgramError::IncorrectProgramId);
    c.case(&table, &[], open())
        .flags(1, false, false)
        .fails(ProgramError::InvalidAccountData);
    c.case(&table, &[], open())
        .flags(5, false, false)
        .fails(ProgramError::InvalidAccountData);
    c.case(&table, &[], open())
        .set(w.marker(EPOCH), w.owned(vec![0x51; 56]))
        .fails_custom(wcode::MARKER_EXISTS);
    c.case(&table, &[], open())
        .set(table, system_account(0))
        .fails_custom(ccode::ALREADY_CLOSED);
    // No consensus yet, or too recent.
    let mut none = open();
    put(&mut none, 58, &u64::MAX.to_le_bytes());
    c.case(&table, &[], none)
        .fails_custom(ccode::CONSENSUS_NOT_REACHED);
    c.case(&table, &[], c.epoch_state(&[], SLOT - 432_000))
        .fails_custom(ccode::NOT_ENOUGH_EPOCHS);
    // The epoch state goes last.
    c.case(
        &w.epoch_state(EPOCH).0,
        &[],
        c.epoch_state(&[83, 84, 341], CONSENSUS_SLOT),
    )
    .fails_custom(ccode::EPOCH_STATE_NOT_LAST);
    // The consensus result is never closed.
    c.case(&w.consensus_result(EPOCH).0, &[], open())
        .fails_custom(ccode::INVALID_ACCOUNT_TO_CLOSE_DISCRIMINATOR);
    // A reward router needs the fee wallet and its receiver.
    c.case(&router, &[], open())
        .fails_custom(ccode::NO_ENOUGH_ACCOUNTS);
    c.case(&router, &[Pubkey::new_unique(), receiver], open())
        .fails_custom(ccode::INVALID_NCN_FEE_WALLET);
    c.case(&router, &[w.fee_wallet, Pubkey::new_unique()], open())
        .fails(ProgramError::InvalidAccountData);
    // Fewer than seven accounts.
    let mut short = c.case(&table, &[], open());
    short.ix.accounts.truncate(6);
    short.fails(ProgramError::NotEnoughAccountKeys);
}
