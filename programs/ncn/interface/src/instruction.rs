//! Instructions of the NCN program: the template's `NCNProgramInstruction`, the same 31 tags
//! (the Borsh variant index) and Borsh arguments, decoded and encoded without allocation.
//!
//! Borsh encoding: the one-byte tag, then each argument in order; integers little-endian,
//! `Pubkey` 32 bytes, `Option<T>` a byte 0 (None) or 1 (Some) then `T`, `ConfigAdminRole`
//! one byte. As with Borsh's `try_from_slice`, trailing bytes are rejected. Where the template
//! fails with `BorshIoError` this fails with `InvalidInstructionData`, as the other two
//! programs of this project do.

use pinocchio::{error::ProgramError, Address, Address as Pubkey};
use shank::ShankInstruction;

use crate::state::ConfigAdminRole;

/// The IDL source (Shank): the template's `NCNProgramInstruction`, its 31 variants with their
/// Borsh arguments (the tag is the variant index), account order and flags. Flags are the ones
/// this program requires, so a client built from the IDL sends what the program checks (where
/// the template loads an account read-only and writes it, this requires it writable; see
/// `programs/ncn/README.md`). Names spell NCN as `Ncn` (the template: `InitializeNCNRewardRouter`
/// ...), as the generated clients do; the encoding is the same. The program decodes with
/// [`NcnInstruction`].
// Shank reads the repeated `#[account]` attributes; clippy mistakes them for duplicates.
#[allow(clippy::duplicated_attributes)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankInstruction)]
#[repr(u8)]
pub enum NcnProgramInstruction {
    /// Creates the NCN program's config (PDA ["config", ncn]) with the consensus timing rules,
    /// the NCN fee and the tie-breaker admin; the account payer pays the rent.
    ///
    /// Must exist: the NCN (restaking program); `ncn_admin` is its admin and signs.
    #[account(0, writable, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "ncn_fee_wallet")]
    #[account(3, signer, name = "ncn_admin")]
    #[account(4, name = "tie_breaker_admin")]
    #[account(5, writable, name = "account_payer")]
    #[account(6, name = "system_program")]
    InitializeConfig {
        epochs_before_stall: u64,
        epochs_after_consensus_before_close: u64,
        valid_slots_after_consensus: u64,
        ncn_fee_bps: u16,
    } = 0,

    /// Creates the vault registry (PDA ["vault_registry", ncn]) at the first realloc step's
    /// size; `ReallocVaultRegistry` grows it to its full size.
    ///
    /// Must exist: the config, the NCN, the funded account payer.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault_registry")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "account_payer")]
    #[account(4, name = "system_program")]
    InitializeVaultRegistry = 1,

    /// Grows the vault registry by one step and initializes it once it has its full size.
    ///
    /// Must exist: the config, the vault registry, the NCN, the funded account payer.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault_registry")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "account_payer")]
    #[account(4, name = "system_program")]
    ReallocVaultRegistry = 2,

    /// Registers a vault whose stake-token mint is registered, once the NCN and the vault have
    /// opted in to each other (the NCN vault ticket is active).
    ///
    /// Must exist: the config, the vault registry, the NCN, the vault, the NCN vault ticket.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault_registry")]
    #[account(2, name = "ncn")]
    #[account(3, name = "vault")]
    #[account(4, name = "ncn_vault_ticket")]
    RegisterVault = 3,

    /// Creates the epoch state of `epoch` (PDA ["epoch_state", ncn, epoch]), which tracks every
    /// epoch account's status and progress.
    ///
    /// Must exist: the config, the NCN; the epoch marker must not (the epoch is not closed).
    #[account(0, name = "epoch_marker")]
    #[account(1, writable, name = "epoch_state")]
    #[account(2, name = "config")]
    #[account(3, name = "ncn")]
    #[account(4, writable, name = "account_payer")]
    #[account(5, name = "system_program")]
    InitializeEpochState { epoch: u64 } = 4,

    /// Creates the weight table of `epoch` (PDA ["weight_table", ncn, epoch]) at the first
    /// realloc step's size.
    ///
    /// Must exist: the epoch state, the vault registry, the NCN.
    #[account(0, name = "epoch_marker")]
    #[account(1, name = "epoch_state")]
    #[account(2, name = "vault_registry")]
    #[account(3, name = "ncn")]
    #[account(4, writable, name = "weight_table")]
    #[account(5, writable, name = "account_payer")]
    #[account(6, name = "system_program")]
    InitializeWeightTable { epoch: u64 } = 5,

    /// Sets the weight of every registered mint in the weight table from the vault registry,
    /// freezing the table.
    ///
    /// Must exist: the epoch state, the NCN, the vault registry, the initialized weight table.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault_registry")]
    #[account(3, writable, name = "weight_table")]
    SetEpochWeights { epoch: u64 } = 6,

    /// Grows the weight table by one step and initializes it from the vault registry once it
    /// has its full size.
    ///
    /// Must exist: the epoch state, the config, the weight table, the NCN, the vault registry.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, writable, name = "weight_table")]
    #[account(3, name = "ncn")]
    #[account(4, name = "vault_registry")]
    #[account(5, writable, name = "account_payer")]
    #[account(6, name = "system_program")]
    ReallocWeightTable { epoch: u64 } = 7,

    /// Creates the epoch snapshot of `epoch` (PDA ["epoch_snapshot", ncn, epoch]) with the
    /// NCN's operator count and the vault count, once the weight table is final.
    ///
    /// Must exist: the epoch state, the config, the NCN, the finalized weight table.
    #[account(0, name = "epoch_marker")]
    #[account(1, writable, name = "epoch_state")]
    #[account(2, name = "config")]
    #[account(3, name = "ncn")]
    #[account(4, name = "weight_table")]
    #[account(5, writable, name = "epoch_snapshot")]
    #[account(6, writable, name = "account_payer")]
    #[account(7, name = "system_program")]
    InitializeEpochSnapshot { epoch: u64 } = 8,

    /// Creates an operator's snapshot of `epoch` (PDA ["operator_snapshot", operator, ncn,
    /// epoch]) from the NCN operator state's opt-ins; an inactive operator is final at once.
    ///
    /// Must exist: the epoch state, the config, the restaking config, the NCN, the operator,
    /// the NCN operator state, the epoch snapshot.
    #[account(0, name = "epoch_marker")]
    #[account(1, writable, name = "epoch_state")]
    #[account(2, name = "config")]
    #[account(3, name = "restaking_config")]
    #[account(4, name = "ncn")]
    #[account(5, name = "operator")]
    #[account(6, name = "ncn_operator_state")]
    #[account(7, writable, name = "epoch_snapshot")]
    #[account(8, writable, name = "operator_snapshot")]
    #[account(9, writable, name = "account_payer")]
    #[account(10, name = "system_program")]
    InitializeOperatorSnapshot { epoch: u64 } = 9,

    /// Records a vault's delegation to an operator in the operator snapshot, weighted by the
    /// vault mint's weight in the weight table; the last one finalizes the snapshots.
    ///
    /// Must exist: the epoch state, the configs, the NCN, the operator, the vault, both
    /// tickets, the vault operator delegation, the weight table, both snapshots.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "restaking_config")]
    #[account(3, name = "ncn")]
    #[account(4, name = "operator")]
    #[account(5, name = "vault")]
    #[account(6, name = "vault_ncn_ticket")]
    #[account(7, name = "ncn_vault_ticket")]
    #[account(8, name = "vault_operator_delegation")]
    #[account(9, name = "weight_table")]
    #[account(10, writable, name = "epoch_snapshot")]
    #[account(11, writable, name = "operator_snapshot")]
    SnapshotVaultOperatorDelegation { epoch: u64 } = 10,

    /// Creates the ballot box of `epoch` (PDA ["ballot_box", ncn, epoch]) at the first realloc
    /// step's size, and the consensus result (PDA ["consensus-result", ncn, epoch]).
    ///
    /// Must exist: the epoch state, the config, the NCN.
    #[account(0, name = "epoch_marker")]
    #[account(1, name = "epoch_state")]
    #[account(2, name = "config")]
    #[account(3, writable, name = "ballot_box")]
    #[account(4, name = "ncn")]
    #[account(5, writable, name = "account_payer")]
    #[account(6, name = "system_program")]
    #[account(7, writable, name = "consensus_result")]
    InitializeBallotBox { epoch: u64 } = 11,

    /// Grows the ballot box by one step and initializes it once it has its full size.
    ///
    /// Must exist: the epoch state, the config, the ballot box, the NCN.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, writable, name = "ballot_box")]
    #[account(3, name = "ncn")]
    #[account(4, writable, name = "account_payer")]
    #[account(5, name = "system_program")]
    ReallocBallotBox { epoch: u64 } = 12,

    /// The operator's voter casts the operator's stake-weighted vote for `weather_status`; at
    /// 2/3 of the epoch's stake weight the ballot wins and the consensus result records it.
    /// Votes stay open `valid_slots_after_consensus` slots after consensus.
    ///
    /// Must exist: the epoch state, the config, the ballot box, the NCN, the finalized epoch
    /// snapshot, the operator snapshot, the operator, the consensus result.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, writable, name = "ballot_box")]
    #[account(3, name = "ncn")]
    #[account(4, name = "epoch_snapshot")]
    #[account(5, name = "operator_snapshot")]
    #[account(6, name = "operator")]
    #[account(7, signer, name = "operator_voter")]
    #[account(8, writable, name = "consensus_result")]
    CastVote { weather_status: u8, epoch: u64 } = 13,

    /// Creates the NCN reward router of `epoch` (PDA ["ncn_reward_router", ncn, epoch]) at the
    /// first realloc step's size and funds the reward receiver (PDA ["ncn_reward_receiver",
    /// ncn, epoch]) with its rent.
    ///
    /// Must exist: the epoch state, the NCN.
    #[account(0, name = "epoch_marker")]
    #[account(1, name = "epoch_state")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "ncn_reward_router")]
    #[account(4, writable, name = "ncn_reward_receiver")]
    #[account(5, writable, name = "account_payer")]
    #[account(6, name = "system_program")]
    InitializeNcnRewardRouter { epoch: u64 } = 14,

    /// Grows the NCN reward router by one step and initializes it once it has its full size.
    ///
    /// Must exist: the epoch state, the config, the NCN reward router, the NCN.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, writable, name = "ncn_reward_router")]
    #[account(3, name = "ncn")]
    #[account(4, writable, name = "account_payer")]
    #[account(5, name = "system_program")]
    ReallocNcnRewardRouter { epoch: u64 } = 15,

    /// Routes the lamports in the NCN reward receiver: protocol and NCN fees, then each
    /// winning operator's share by stake weight, at most `max_iterations` operators a call.
    ///
    /// Must exist: the epoch state, the config, the NCN, the epoch snapshot, the ballot box with
    /// consensus, the NCN reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "ncn")]
    #[account(3, name = "epoch_snapshot")]
    #[account(4, name = "ballot_box")]
    #[account(5, writable, name = "ncn_reward_router")]
    #[account(6, writable, name = "ncn_reward_receiver")]
    RouteNcnRewards { max_iterations: u16, epoch: u64 } = 16,

    /// Pays the routed protocol fee from the NCN reward receiver to the protocol fee wallet.
    ///
    /// Must exist: the epoch state, the config, the NCN, the NCN reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "ncn_reward_router")]
    #[account(4, writable, name = "ncn_reward_receiver")]
    #[account(5, writable, name = "protocol_fee_wallet")]
    #[account(6, name = "system_program")]
    DistributeProtocolRewards { epoch: u64 } = 17,

    /// Pays the routed NCN fee from the NCN reward receiver to the NCN fee wallet.
    ///
    /// Must exist: the epoch state, the config, the NCN, the NCN reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "ncn_reward_router")]
    #[account(4, writable, name = "ncn_reward_receiver")]
    #[account(5, writable, name = "ncn_fee_wallet")]
    #[account(6, name = "system_program")]
    DistributeNcnRewards { epoch: u64 } = 18,

    /// Creates an operator's vault reward router of `epoch` (PDA
    /// ["operator_vault_reward_router", operator, ncn, epoch]) and funds its receiver with its
    /// rent.
    ///
    /// Must exist: the epoch state, the NCN, the operator, the operator snapshot.
    #[account(0, name = "epoch_marker")]
    #[account(1, writable, name = "epoch_state")]
    #[account(2, name = "ncn")]
    #[account(3, name = "operator")]
    #[account(4, name = "operator_snapshot")]
    #[account(5, writable, name = "operator_vault_reward_router")]
    #[account(6, writable, name = "operator_vault_reward_receiver")]
    #[account(7, writable, name = "account_payer")]
    #[account(8, name = "system_program")]
    InitializeOperatorVaultRewardRouter { epoch: u64 } = 19,

    /// Moves an operator's routed share from the NCN reward receiver to the operator's vault
    /// reward receiver.
    ///
    /// Must exist: the epoch state, the config, the NCN, the operator, the NCN reward router and
    /// receiver, the operator's vault reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "ncn")]
    #[account(3, name = "operator")]
    #[account(4, writable, name = "ncn_reward_router")]
    #[account(5, writable, name = "ncn_reward_receiver")]
    #[account(6, name = "operator_vault_reward_router")]
    #[account(7, writable, name = "operator_vault_reward_receiver")]
    #[account(8, name = "system_program")]
    DistributeOperatorVaultRewardRoute { epoch: u64 } = 20,

    /// Routes the lamports in an operator's vault reward receiver: the operator fee, then each
    /// vault's share by stake weight, at most `max_iterations` vaults a call.
    ///
    /// Must exist: the epoch state, the NCN, the operator, the operator snapshot, the
    /// operator's vault reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, name = "operator_snapshot")]
    #[account(4, writable, name = "operator_vault_reward_router")]
    #[account(5, writable, name = "operator_vault_reward_receiver")]
    RouteOperatorVaultRewards { max_iterations: u16, epoch: u64 } = 21,

    /// Closes an epoch account `epochs_after_consensus_before_close` epochs after consensus,
    /// rent back to the account payer; closing the epoch state creates the epoch marker. A
    /// reward router also takes the NCN fee wallet and its receiver, whose rest goes to the
    /// wallet.
    ///
    /// Must exist: the epoch state, the config, the NCN, the account to close.
    #[account(0, writable, name = "epoch_marker")]
    #[account(1, writable, name = "epoch_state")]
    #[account(2, name = "config")]
    #[account(3, name = "ncn")]
    #[account(4, writable, name = "account_to_close")]
    #[account(5, writable, name = "account_payer")]
    #[account(6, name = "system_program")]
    #[account(7, optional, writable, name = "ncn_fee_wallet")]
    #[account(8, optional, writable, name = "receiver_to_close")]
    CloseEpochAccount { epoch: u64 } = 22,

    /// Pays the operator its routed fee from its vault reward receiver.
    ///
    /// Must exist: the epoch state, the config, the NCN, the operator, the operator snapshot,
    /// the operator's vault reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "operator")]
    #[account(4, writable, name = "operator_snapshot")]
    #[account(5, writable, name = "operator_vault_reward_router")]
    #[account(6, writable, name = "operator_vault_reward_receiver")]
    #[account(7, name = "system_program")]
    DistributeOperatorRewards { epoch: u64 } = 23,

    /// Pays a vault its routed share from the operator's vault reward receiver.
    ///
    /// Must exist: the epoch state, the config, the NCN, the operator, the vault, the operator
    /// snapshot, the operator's vault reward router and receiver.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, name = "ncn")]
    #[account(3, name = "operator")]
    #[account(4, writable, name = "vault")]
    #[account(5, writable, name = "operator_snapshot")]
    #[account(6, writable, name = "operator_vault_reward_router")]
    #[account(7, writable, name = "operator_vault_reward_receiver")]
    #[account(8, name = "system_program")]
    DistributeVaultRewards { epoch: u64 } = 24,

    /// The NCN admin sets any of the config's timing parameters (`None` leaves one as is).
    ///
    /// Must exist: the config, the NCN; `ncn_admin` is its admin and signs.
    #[account(0, writable, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, writable, signer, name = "ncn_admin")]
    AdminSetParameters {
        starting_valid_epoch: Option<u64>,
        epochs_before_stall: Option<u64>,
        epochs_after_consensus_before_close: Option<u64>,
        valid_slots_after_consensus: Option<u64>,
    } = 25,

    /// The NCN admin sets the config's admin of `role` (the tie-breaker admin) to `new_admin`.
    ///
    /// Must exist: the config, the NCN; `ncn_admin` is its admin and signs.
    #[account(0, writable, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, writable, signer, name = "ncn_admin")]
    #[account(3, name = "new_admin")]
    AdminSetNewAdmin { role: ConfigAdminRole } = 26,

    /// The tie-breaker admin sets the winning ballot of a stalled epoch (`epochs_before_stall`
    /// epochs after the ballot box was created) to `weather_status`.
    ///
    /// Must exist: the epoch state, the config, the ballot box, the NCN.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "config")]
    #[account(2, writable, name = "ballot_box")]
    #[account(3, name = "ncn")]
    #[account(4, signer, name = "tie_breaker_admin")]
    AdminSetTieBreaker { weather_status: u8, epoch: u64 } = 27,

    /// The NCN's weight table admin sets one mint's weight in the weight table of `epoch`.
    ///
    /// Must exist: the epoch state, the NCN, the weight table.
    #[account(0, writable, name = "epoch_state")]
    #[account(1, name = "ncn")]
    #[account(2, writable, name = "weight_table")]
    #[account(3, writable, signer, name = "weight_table_admin")]
    AdminSetWeight {
        st_mint: Pubkey,
        weight: u128,
        epoch: u64,
    } = 28,

    /// The NCN admin registers a stake-token mint in the vault registry, with an optional
    /// weight.
    ///
    /// Must exist: the config, the NCN, the mint, the vault registry.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "st_mint")]
    #[account(3, writable, name = "vault_registry")]
    #[account(4, signer, name = "admin")]
    AdminRegisterStMint { weight: Option<u128> } = 29,

    /// The NCN admin changes a registered mint's weight in the vault registry.
    ///
    /// Must exist: the config, the NCN, the vault registry.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, writable, name = "vault_registry")]
    #[account(3, signer, name = "admin")]
    AdminSetStMint {
        st_mint: Pubkey,
        weight: Option<u128>,
    } = 30,
}

/// Instruction tags (the first byte of the instruction data).
pub mod tag {
    pub const INITIALIZE_CONFIG: u8 = 0;
    pub const INITIALIZE_VAULT_REGISTRY: u8 = 1;
    pub const REALLOC_VAULT_REGISTRY: u8 = 2;
    pub const REGISTER_VAULT: u8 = 3;
    pub const INITIALIZE_EPOCH_STATE: u8 = 4;
    pub const INITIALIZE_WEIGHT_TABLE: u8 = 5;
    pub const SET_EPOCH_WEIGHTS: u8 = 6;
    pub const REALLOC_WEIGHT_TABLE: u8 = 7;
    pub const INITIALIZE_EPOCH_SNAPSHOT: u8 = 8;
    pub const INITIALIZE_OPERATOR_SNAPSHOT: u8 = 9;
    pub const SNAPSHOT_VAULT_OPERATOR_DELEGATION: u8 = 10;
    pub const INITIALIZE_BALLOT_BOX: u8 = 11;
    pub const REALLOC_BALLOT_BOX: u8 = 12;
    pub const CAST_VOTE: u8 = 13;
    pub const INITIALIZE_NCN_REWARD_ROUTER: u8 = 14;
    pub const REALLOC_NCN_REWARD_ROUTER: u8 = 15;
    pub const ROUTE_NCN_REWARDS: u8 = 16;
    pub const DISTRIBUTE_PROTOCOL_REWARDS: u8 = 17;
    pub const DISTRIBUTE_NCN_REWARDS: u8 = 18;
    pub const INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER: u8 = 19;
    pub const DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE: u8 = 20;
    pub const ROUTE_OPERATOR_VAULT_REWARDS: u8 = 21;
    pub const CLOSE_EPOCH_ACCOUNT: u8 = 22;
    pub const DISTRIBUTE_OPERATOR_REWARDS: u8 = 23;
    pub const DISTRIBUTE_VAULT_REWARDS: u8 = 24;
    pub const ADMIN_SET_PARAMETERS: u8 = 25;
    pub const ADMIN_SET_NEW_ADMIN: u8 = 26;
    pub const ADMIN_SET_TIE_BREAKER: u8 = 27;
    pub const ADMIN_SET_WEIGHT: u8 = 28;
    pub const ADMIN_REGISTER_ST_MINT: u8 = 29;
    pub const ADMIN_SET_ST_MINT: u8 = 30;
    /// Number of instructions.
    pub const COUNT: u8 = 31;
}

/// An instruction with its decoded arguments. Account lists are documented on each processor
/// (`programs/ncn/program/src/processor/`) and are the template's order and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NcnInstruction {
    InitializeConfig {
        epochs_before_stall: u64,
        epochs_after_consensus_before_close: u64,
        valid_slots_after_consensus: u64,
        ncn_fee_bps: u16,
    },
    InitializeVaultRegistry,
    ReallocVaultRegistry,
    RegisterVault,
    InitializeEpochState {
        epoch: u64,
    },
    InitializeWeightTable {
        epoch: u64,
    },
    SetEpochWeights {
        epoch: u64,
    },
    ReallocWeightTable {
        epoch: u64,
    },
    InitializeEpochSnapshot {
        epoch: u64,
    },
    InitializeOperatorSnapshot {
        epoch: u64,
    },
    SnapshotVaultOperatorDelegation {
        epoch: u64,
    },
    InitializeBallotBox {
        epoch: u64,
    },
    ReallocBallotBox {
        epoch: u64,
    },
    CastVote {
        weather_status: u8,
        epoch: u64,
    },
    InitializeNcnRewardRouter {
        epoch: u64,
    },
    ReallocNcnRewardRouter {
        epoch: u64,
    },
    RouteNcnRewards {
        max_iterations: u16,
        epoch: u64,
    },
    DistributeProtocolRewards {
        epoch: u64,
    },
    DistributeNcnRewards {
        epoch: u64,
    },
    InitializeOperatorVaultRewardRouter {
        epoch: u64,
    },
    DistributeOperatorVaultRewardRoute {
        epoch: u64,
    },
    RouteOperatorVaultRewards {
        max_iterations: u16,
        epoch: u64,
    },
    CloseEpochAccount {
        epoch: u64,
    },
    DistributeOperatorRewards {
        epoch: u64,
    },
    DistributeVaultRewards {
        epoch: u64,
    },
    AdminSetParameters {
        starting_valid_epoch: Option<u64>,
        epochs_before_stall: Option<u64>,
        epochs_after_consensus_before_close: Option<u64>,
        valid_slots_after_consensus: Option<u64>,
    },
    AdminSetNewAdmin {
        role: ConfigAdminRole,
    },
    AdminSetTieBreaker {
        weather_status: u8,
        epoch: u64,
    },
    AdminSetWeight {
        st_mint: Address,
        weight: u128,
        epoch: u64,
    },
    AdminRegisterStMint {
        weight: Option<u128>,
    },
    AdminSetStMint {
        st_mint: Address,
        weight: Option<u128>,
    },
}

/// Longest encoding: `AdminSetWeight` (tag, 32-byte mint, u128, u64).
pub const MAX_DATA_LEN: usize = 1 + 32 + 16 + 8;

/// Reads Borsh values from the front of the data.
/// Reads the template's Borsh arguments in order (`unpack`, and the program's dispatch, which
/// decodes each instruction's arguments in its own arm): `InvalidInstructionData` for missing
/// bytes, a bad `Option` byte or, at [`Reader::end`], trailing bytes.
pub struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    /// A reader of `data`.
    #[inline(always)]
    pub const fn new(data: &'a [u8]) -> Self {
        Self(data)
    }

    /// Every byte was read, else `InvalidInstructionData`.
    #[inline(always)]
    pub fn end(self) -> Result<(), ProgramError> {
        self.finish(())
    }

    #[inline(always)]
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ProgramError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(ProgramError::InvalidInstructionData)?;
        self.0 = rest;
        Ok(*head)
    }

    #[inline(always)]
    pub fn u8(&mut self) -> Result<u8, ProgramError> {
        Ok(self.take::<1>()?[0])
    }

    #[inline(always)]
    pub fn u16(&mut self) -> Result<u16, ProgramError> {
        self.take().map(u16::from_le_bytes)
    }

    #[inline(always)]
    pub fn u64(&mut self) -> Result<u64, ProgramError> {
        self.take().map(u64::from_le_bytes)
    }

    #[inline(always)]
    pub fn u128(&mut self) -> Result<u128, ProgramError> {
        self.take().map(u128::from_le_bytes)
    }

    #[inline(always)]
    pub fn address(&mut self) -> Result<Address, ProgramError> {
        self.take().map(Address::new_from_array)
    }

    /// Borsh `Option`: 0 is None, 1 is Some, anything else is invalid.
    #[inline(always)]
    pub fn option<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, ProgramError>,
    ) -> Result<Option<T>, ProgramError> {
        match self.u8()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }

    /// Every byte was read.
    #[inline(always)]
    fn finish<T>(self, value: T) -> Result<T, ProgramError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ProgramError::InvalidInstructionData)
        }
    }
}

/// Writes Borsh values into a fixed buffer.
struct Writer {
    buf: [u8; MAX_DATA_LEN],
    len: usize,
}

impl Writer {
    fn put(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn option(&mut self, bytes: Option<&[u8]>) {
        match bytes {
            None => self.put(&[0]),
            Some(bytes) => {
                self.put(&[1]);
                self.put(bytes);
            }
        }
    }
}

impl NcnInstruction {
    /// Decodes instruction data (tag and arguments); `InvalidInstructionData` for an unknown
    /// tag, missing or trailing bytes, or a bad `Option` or enum byte.
    pub fn unpack(data: &[u8]) -> Result<Self, ProgramError> {
        use tag::*;
        let mut r = Reader(data);
        let ix = match r.u8()? {
            INITIALIZE_CONFIG => Self::InitializeConfig {
                epochs_before_stall: r.u64()?,
                epochs_after_consensus_before_close: r.u64()?,
                valid_slots_after_consensus: r.u64()?,
                ncn_fee_bps: r.u16()?,
            },
            INITIALIZE_VAULT_REGISTRY => Self::InitializeVaultRegistry,
            REALLOC_VAULT_REGISTRY => Self::ReallocVaultRegistry,
            REGISTER_VAULT => Self::RegisterVault,
            INITIALIZE_EPOCH_STATE => Self::InitializeEpochState { epoch: r.u64()? },
            INITIALIZE_WEIGHT_TABLE => Self::InitializeWeightTable { epoch: r.u64()? },
            SET_EPOCH_WEIGHTS => Self::SetEpochWeights { epoch: r.u64()? },
            REALLOC_WEIGHT_TABLE => Self::ReallocWeightTable { epoch: r.u64()? },
            INITIALIZE_EPOCH_SNAPSHOT => Self::InitializeEpochSnapshot { epoch: r.u64()? },
            INITIALIZE_OPERATOR_SNAPSHOT => Self::InitializeOperatorSnapshot { epoch: r.u64()? },
            SNAPSHOT_VAULT_OPERATOR_DELEGATION => {
                Self::SnapshotVaultOperatorDelegation { epoch: r.u64()? }
            }
            INITIALIZE_BALLOT_BOX => Self::InitializeBallotBox { epoch: r.u64()? },
            REALLOC_BALLOT_BOX => Self::ReallocBallotBox { epoch: r.u64()? },
            CAST_VOTE => Self::CastVote {
                weather_status: r.u8()?,
                epoch: r.u64()?,
            },
            INITIALIZE_NCN_REWARD_ROUTER => Self::InitializeNcnRewardRouter { epoch: r.u64()? },
            REALLOC_NCN_REWARD_ROUTER => Self::ReallocNcnRewardRouter { epoch: r.u64()? },
            ROUTE_NCN_REWARDS => Self::RouteNcnRewards {
                max_iterations: r.u16()?,
                epoch: r.u64()?,
            },
            DISTRIBUTE_PROTOCOL_REWARDS => Self::DistributeProtocolRewards { epoch: r.u64()? },
            DISTRIBUTE_NCN_REWARDS => Self::DistributeNcnRewards { epoch: r.u64()? },
            INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER => {
                Self::InitializeOperatorVaultRewardRouter { epoch: r.u64()? }
            }
            DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE => {
                Self::DistributeOperatorVaultRewardRoute { epoch: r.u64()? }
            }
            ROUTE_OPERATOR_VAULT_REWARDS => Self::RouteOperatorVaultRewards {
                max_iterations: r.u16()?,
                epoch: r.u64()?,
            },
            CLOSE_EPOCH_ACCOUNT => Self::CloseEpochAccount { epoch: r.u64()? },
            DISTRIBUTE_OPERATOR_REWARDS => Self::DistributeOperatorRewards { epoch: r.u64()? },
            DISTRIBUTE_VAULT_REWARDS => Self::DistributeVaultRewards { epoch: r.u64()? },
            ADMIN_SET_PARAMETERS => Self::AdminSetParameters {
                starting_valid_epoch: r.option(Reader::u64)?,
                epochs_before_stall: r.option(Reader::u64)?,
                epochs_after_consensus_before_close: r.option(Reader::u64)?,
                valid_slots_after_consensus: r.option(Reader::u64)?,
            },
            ADMIN_SET_NEW_ADMIN => Self::AdminSetNewAdmin {
                role: ConfigAdminRole::from_u8(r.u8()?)?,
            },
            ADMIN_SET_TIE_BREAKER => Self::AdminSetTieBreaker {
                weather_status: r.u8()?,
                epoch: r.u64()?,
            },
            ADMIN_SET_WEIGHT => Self::AdminSetWeight {
                st_mint: r.address()?,
                weight: r.u128()?,
                epoch: r.u64()?,
            },
            ADMIN_REGISTER_ST_MINT => Self::AdminRegisterStMint {
                weight: r.option(Reader::u128)?,
            },
            ADMIN_SET_ST_MINT => Self::AdminSetStMint {
                st_mint: r.address()?,
                weight: r.option(Reader::u128)?,
            },
            _ => return Err(ProgramError::InvalidInstructionData),
        };
        r.finish(ix)
    }

    /// The tag of this instruction.
    pub const fn tag(&self) -> u8 {
        use tag::*;
        match self {
            Self::InitializeConfig { .. } => INITIALIZE_CONFIG,
            Self::InitializeVaultRegistry => INITIALIZE_VAULT_REGISTRY,
            Self::ReallocVaultRegistry => REALLOC_VAULT_REGISTRY,
            Self::RegisterVault => REGISTER_VAULT,
            Self::InitializeEpochState { .. } => INITIALIZE_EPOCH_STATE,
            Self::InitializeWeightTable { .. } => INITIALIZE_WEIGHT_TABLE,
            Self::SetEpochWeights { .. } => SET_EPOCH_WEIGHTS,
            Self::ReallocWeightTable { .. } => REALLOC_WEIGHT_TABLE,
            Self::InitializeEpochSnapshot { .. } => INITIALIZE_EPOCH_SNAPSHOT,
            Self::InitializeOperatorSnapshot { .. } => INITIALIZE_OPERATOR_SNAPSHOT,
            Self::SnapshotVaultOperatorDelegation { .. } => SNAPSHOT_VAULT_OPERATOR_DELEGATION,
            Self::InitializeBallotBox { .. } => INITIALIZE_BALLOT_BOX,
            Self::ReallocBallotBox { .. } => REALLOC_BALLOT_BOX,
            Self::CastVote { .. } => CAST_VOTE,
            Self::InitializeNcnRewardRouter { .. } => INITIALIZE_NCN_REWARD_ROUTER,
            Self::ReallocNcnRewardRouter { .. } => REALLOC_NCN_REWARD_ROUTER,
            Self::RouteNcnRewards { .. } => ROUTE_NCN_REWARDS,
            Self::DistributeProtocolRewards { .. } => DISTRIBUTE_PROTOCOL_REWARDS,
            Self::DistributeNcnRewards { .. } => DISTRIBUTE_NCN_REWARDS,
            Self::InitializeOperatorVaultRewardRouter { .. } => {
                INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER
            }
            Self::DistributeOperatorVaultRewardRoute { .. } => {
                DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE
            }
            Self::RouteOperatorVaultRewards { .. } => ROUTE_OPERATOR_VAULT_REWARDS,
            Self::CloseEpochAccount { .. } => CLOSE_EPOCH_ACCOUNT,
            Self::DistributeOperatorRewards { .. } => DISTRIBUTE_OPERATOR_REWARDS,
            Self::DistributeVaultRewards { .. } => DISTRIBUTE_VAULT_REWARDS,
            Self::AdminSetParameters { .. } => ADMIN_SET_PARAMETERS,
            Self::AdminSetNewAdmin { .. } => ADMIN_SET_NEW_ADMIN,
            Self::AdminSetTieBreaker { .. } => ADMIN_SET_TIE_BREAKER,
            Self::AdminSetWeight { .. } => ADMIN_SET_WEIGHT,
            Self::AdminRegisterStMint { .. } => ADMIN_REGISTER_ST_MINT,
            Self::AdminSetStMint { .. } => ADMIN_SET_ST_MINT,
        }
    }

    /// Encodes the instruction as the template's Borsh; the data is `buf[..len]`.
    pub fn pack(&self) -> ([u8; MAX_DATA_LEN], usize) {
        let mut w = Writer {
            buf: [0; MAX_DATA_LEN],
            len: 0,
        };
        w.put(&[self.tag()]);
        match *self {
            Self::InitializeConfig {
                epochs_before_stall,
                epochs_after_consensus_before_close,
                valid_slots_after_consensus,
                ncn_fee_bps,
            } => {
                w.put(&epochs_before_stall.to_le_bytes());
                w.put(&epochs_after_consensus_before_close.to_le_bytes());
                w.put(&valid_slots_after_consensus.to_le_bytes());
                w.put(&ncn_fee_bps.to_le_bytes());
            }
            Self::InitializeVaultRegistry | Self::ReallocVaultRegistry | Self::RegisterVault => {}
            Self::InitializeEpochState { epoch }
            | Self::InitializeWeightTable { epoch }
            | Self::SetEpochWeights { epoch }
            | Self::ReallocWeightTable { epoch }
            | Self::InitializeEpochSnapshot { epoch }
            | Self::InitializeOperatorSnapshot { epoch }
            | Self::SnapshotVaultOperatorDelegation { epoch }
            | Self::InitializeBallotBox { epoch }
            | Self::ReallocBallotBox { epoch }
            | Self::InitializeNcnRewardRouter { epoch }
            | Self::ReallocNcnRewardRouter { epoch }
            | Self::DistributeProtocolRewards { epoch }
            | Self::DistributeNcnRewards { epoch }
            | Self::InitializeOperatorVaultRewardRouter { epoch }
            | Self::DistributeOperatorVaultRewardRoute { epoch }
            | Self::CloseEpochAccount { epoch }
            | Self::DistributeOperatorRewards { epoch }
            | Self::DistributeVaultRewards { epoch } => w.put(&epoch.to_le_bytes()),
            Self::CastVote {
                weather_status,
                epoch,
            }
            | Self::AdminSetTieBreaker {
                weather_status,
                epoch,
            } => {
                w.put(&[weather_status]);
                w.put(&epoch.to_le_bytes());
            }
            Self::RouteNcnRewards {
                max_iterations,
                epoch,
            }
            | Self::RouteOperatorVaultRewards {
                max_iterations,
                epoch,
            } => {
                w.put(&max_iterations.to_le_bytes());
                w.put(&epoch.to_le_bytes());
            }
            Self::AdminSetParameters {
                starting_valid_epoch,
                epochs_before_stall,
                epochs_after_consensus_before_close,
                valid_slots_after_consensus,
            } => {
                for value in [
                    starting_valid_epoch,
                    epochs_before_stall,
                    epochs_after_consensus_before_close,
                    valid_slots_after_consensus,
                ] {
                    w.option(value.map(u64::to_le_bytes).as_ref().map(|b| &b[..]));
                }
            }
            Self::AdminSetNewAdmin { role } => w.put(&[role as u8]),
            Self::AdminSetWeight {
                st_mint,
                weight,
                epoch,
            } => {
                w.put(st_mint.as_ref());
                w.put(&weight.to_le_bytes());
                w.put(&epoch.to_le_bytes());
            }
            Self::AdminRegisterStMint { weight } => {
                w.option(weight.map(u128::to_le_bytes).as_ref().map(|b| &b[..]));
            }
            Self::AdminSetStMint { st_mint, weight } => {
                w.put(st_mint.as_ref());
                w.option(weight.map(u128::to_le_bytes).as_ref().map(|b| &b[..]));
            }
        }
        (w.buf, w.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Address {
        Address::new_from_array([b; 32])
    }

    /// One instruction of every tag, with distinctive arguments.
    fn all() -> [NcnInstruction; tag::COUNT as usize] {
        use NcnInstruction::*;
        let epoch = 0x0102_0304_0506_0708;
        [
            InitializeConfig {
                epochs_before_stall: 3,
                epochs_after_consensus_before_close: 10,
                valid_slots_after_consensus: 10_000,
                ncn_fee_bps: 300,
            },
            InitializeVaultRegistry,
            ReallocVaultRegistry,
            RegisterVault,
            InitializeEpochState { epoch },
            InitializeWeightTable { epoch },
            SetEpochWeights { epoch },
            ReallocWeightTable { epoch },
            InitializeEpochSnapshot { epoch },
            InitializeOperatorSnapshot { epoch },
            SnapshotVaultOperatorDelegation { epoch },
            InitializeBallotBox { epoch },
            ReallocBallotBox { epoch },
            CastVote {
                weather_status: 2,
                epoch,
            },
            InitializeNcnRewardRouter { epoch },
            ReallocNcnRewardRouter { epoch },
            RouteNcnRewards {
                max_iterations: 0xABCD,
                epoch,
            },
            DistributeProtocolRewards { epoch },
            DistributeNcnRewards { epoch },
            InitializeOperatorVaultRewardRouter { epoch },
            DistributeOperatorVaultRewardRoute { epoch },
            RouteOperatorVaultRewards {
                max_iterations: 7,
                epoch,
            },
            CloseEpochAccount { epoch },
            DistributeOperatorRewards { epoch },
            DistributeVaultRewards { epoch },
            AdminSetParameters {
                starting_valid_epoch: Some(5),
                epochs_before_stall: None,
                epochs_after_consensus_before_close: Some(20),
                valid_slots_after_consensus: None,
            },
            AdminSetNewAdmin {
                role: ConfigAdminRole::TieBreakerAdmin,
            },
            AdminSetTieBreaker {
                weather_status: 1,
                epoch,
            },
            AdminSetWeight {
                st_mint: key(9),
                weight: u128::MAX - 1,
                epoch,
            },
            AdminRegisterStMint { weight: Some(100) },
            AdminSetStMint {
                st_mint: key(4),
                weight: None,
            },
        ]
    }

    #[test]
    fn tags_are_the_variant_order_and_round_trip() {
        for (i, ix) in all().iter().enumerate() {
            assert_eq!(ix.tag() as usize, i);
            let (buf, len) = ix.pack();
            assert_eq!(NcnInstruction::unpack(&buf[..len]), Ok(*ix), "tag {i}");
            // Missing and trailing bytes are rejected, as Borsh's `try_from_slice` does.
            assert_eq!(
                NcnInstruction::unpack(&buf[..len - 1]),
                Err(ProgramError::InvalidInstructionData),
                "tag {i} short"
            );
            let mut long = [0u8; MAX_DATA_LEN + 1];
            long[..len].copy_from_slice(&buf[..len]);
            assert_eq!(
                NcnInstruction::unpack(&long[..len + 1]),
                Err(ProgramError::InvalidInstructionData),
                "tag {i} long"
            );
        }
        assert_eq!(
            NcnInstruction::unpack(&[tag::COUNT]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[]),
            Err(ProgramError::InvalidInstructionData)
        );
    }

    #[test]
    fn borsh_bytes_written_by_hand() {
        // InitializeConfig: tag 0, three u64 LE, u16 LE (26 bytes of arguments).
        let mut expected = [0u8; 27];
        expected[1..9].copy_from_slice(&3u64.to_le_bytes());
        expected[9..17].copy_from_slice(&10u64.to_le_bytes());
        expected[17..25].copy_from_slice(&10_000u64.to_le_bytes());
        expected[25..27].copy_from_slice(&300u16.to_le_bytes());
        let (buf, len) = all()[0].pack();
        assert_eq!(&buf[..len], &expected);

        // AdminSetParameters: Some(5), None, Some(20), None.
        let mut expected = [0u8; 1 + 9 + 1 + 9 + 1];
        expected[0] = 25;
        expected[1] = 1;
        expected[2..10].copy_from_slice(&5u64.to_le_bytes());
        expected[10] = 0;
        expected[11] = 1;
        expected[12..20].copy_from_slice(&20u64.to_le_bytes());
        expected[20] = 0;
        let (buf, len) = all()[25].pack();
        assert_eq!(&buf[..len], &expected);

        // AdminSetWeight: tag, mint, u128, u64 = 57 bytes, the longest.
        let (_, len) = all()[28].pack();
        assert_eq!(len, MAX_DATA_LEN);

        // AdminRegisterStMint { None } is the tag and one zero byte.
        let (buf, len) = NcnInstruction::AdminRegisterStMint { weight: None }.pack();
        assert_eq!(&buf[..len], &[29, 0]);
        // CastVote: weather status before the epoch.
        let (buf, len) = all()[13].pack();
        assert_eq!(&buf[..len], &[13, 2, 8, 7, 6, 5, 4, 3, 2, 1]);
    }

    #[test]
    fn bad_option_and_role_bytes_are_rejected() {
        assert_eq!(
            NcnInstruction::unpack(&[29, 2]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[25, 0, 0, 0, 3]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[26, 1]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[25, 0, 0, 0, 0]),
            Ok(NcnInstruction::AdminSetParameters {
                starting_valid_epoch: None,
                epochs_before_stall: None,
                epochs_after_consensus_before_close: None,
                valid_slots_after_consensus: None,
            })
        );
    }
}
