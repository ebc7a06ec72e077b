//! Instructions of the NCN program (the template's 31), built by the generated client
//! (`jito-ncn-client`) over one NCN's addresses ([`NcnKeys`]): the template's account order and
//! flags. Add an NCN instruction builder here, once; the scenarios, the negative matrix, the
//! program tests and the benchmark all build through these.

use jito_ncn_client::{instructions as ni, pdas as np, types::ConfigAdminRole};

use crate::{
    program_account, read_built_program, sbf_out_dir, world::World, Instruction, Pubkey,
    RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// The NCN program's id (the template's).
pub const NCN_PROGRAM_ID: Pubkey = jito_ncn_client::ID;
/// The template's protocol fee wallet (`FeeConfig::PROTOCOL_FEE_WALLET`).
pub use crate::layout_oracle::ncn_layout::PROTOCOL_FEE_WALLET;

/// Loads the built NCN program into `world` at `id` (its account in the store too).
pub fn add_ncn_program(world: &mut World, id: &Pubkey) {
    world.mollusk.add_program_with_loader_and_elf(
        id,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        &read_built_program(&sbf_out_dir(), "jito_ncn_program"),
    );
    let (k, a) = program_account(id);
    world.set(k, a);
}

/// The one World with the restaking, vault and NCN programs, its clock at `slot`.
pub fn ncn_world(slot: u64) -> World {
    ncn_world_at(&NCN_PROGRAM_ID, slot)
}

/// [`ncn_world`] with the NCN program deployed at `program`.
pub fn ncn_world_at(program: &Pubkey, slot: u64) -> World {
    let mut world = World::new();
    add_ncn_program(&mut world, program);
    world.warp(slot);
    world
}

/// One NCN's addresses (the NCN program's PDAs, under the program deployed at `program`) and
/// roles. Every builder addresses its instruction to `program`.
#[derive(Clone, Copy, Debug)]
pub struct NcnKeys {
    pub program: Pubkey,
    pub ncn: Pubkey,
    pub config: Pubkey,
    pub vault_registry: Pubkey,
    pub account_payer: Pubkey,
    pub restaking_config: Pubkey,
    pub ncn_admin: Pubkey,
    pub ncn_fee_wallet: Pubkey,
    pub tie_breaker_admin: Pubkey,
}

impl NcnKeys {
    /// The NCN at [`NCN_PROGRAM_ID`].
    pub fn new(
        ncn: Pubkey,
        ncn_admin: Pubkey,
        ncn_fee_wallet: Pubkey,
        tie_breaker: Pubkey,
    ) -> Self {
        Self::at(NCN_PROGRAM_ID, ncn, ncn_admin, ncn_fee_wallet, tie_breaker)
    }

    /// The NCN under the NCN program deployed at `program`.
    pub fn at(
        program: Pubkey,
        ncn: Pubkey,
        ncn_admin: Pubkey,
        ncn_fee_wallet: Pubkey,
        tie_breaker: Pubkey,
    ) -> Self {
        let p = &program;
        Self {
            program,
            ncn,
            config: np::find_config(p, &ncn).0,
            vault_registry: np::find_vault_registry(p, &ncn).0,
            account_payer: np::find_account_payer(p, &ncn, &ncn).0,
            restaking_config: Pubkey::find_program_address(&[b"config"], &RESTAKING_PROGRAM_ID).0,
            ncn_admin,
            ncn_fee_wallet,
            tie_breaker_admin: tie_breaker,
        }
    }

    /// `ix` addressed to the program at [`NcnKeys::program`].
    fn to(&self, mut ix: Instruction) -> Instruction {
        ix.program_id = self.program;
        ix
    }

    // -- PDAs of an epoch --------------------------------------------------------------------

    pub fn epoch_marker_address(&self, epoch: u64) -> Pubkey {
        np::find_epoch_marker(&self.program, &self.ncn, epoch, &self.ncn).0
    }
    pub fn epoch_state_address(&self, epoch: u64) -> Pubkey {
        np::find_epoch_state(&self.program, &self.ncn, epoch).0
    }
    pub fn weight_table_address(&self, epoch: u64) -> Pubkey {
        np::find_weight_table(&self.program, &self.ncn, epoch).0
    }
    pub fn epoch_snapshot_address(&self, epoch: u64) -> Pubkey {
        np::find_epoch_snapshot(&self.program, &self.ncn, epoch).0
    }
    pub fn ballot_box_address(&self, epoch: u64) -> Pubkey {
        np::find_ballot_box(&self.program, &self.ncn, epoch).0
    }
    pub fn consensus_result_address(&self, epoch: u64) -> Pubkey {
        np::find_consensus_result(&self.program, &self.ncn, epoch).0
    }
    pub fn ncn_reward_router_address(&self, epoch: u64) -> Pubkey {
        np::find_ncn_reward_router(&self.program, &self.ncn, epoch).0
    }
    pub fn ncn_reward_receiver_address(&self, epoch: u64) -> Pubkey {
        np::find_ncn_reward_receiver(&self.program, &self.ncn, epoch).0
    }
    pub fn operator_snapshot_of(&self, operator: &Pubkey, epoch: u64) -> Pubkey {
        np::find_operator_snapshot(&self.program, operator, &self.ncn, epoch).0
    }
    pub fn operator_router_of(&self, operator: &Pubkey, epoch: u64) -> Pubkey {
        np::find_operator_vault_reward_router(&self.program, operator, &self.ncn, epoch).0
    }
    pub fn operator_receiver_of(&self, operator: &Pubkey, epoch: u64) -> Pubkey {
        np::find_operator_vault_reward_receiver(&self.program, operator, &self.ncn, epoch).0
    }
    /// The restaking program's NCN ↔ operator state.
    pub fn ncn_operator_state_of(&self, operator: &Pubkey) -> Pubkey {
        np::find_ncn_operator_state(&RESTAKING_PROGRAM_ID, &self.ncn, operator).0
    }
    /// The restaking program's NCN → vault ticket.
    pub fn ncn_vault_ticket_of(&self, vault: &Pubkey) -> Pubkey {
        np::find_ncn_vault_ticket(&RESTAKING_PROGRAM_ID, &self.ncn, vault).0
    }
    /// The vault program's vault → NCN ticket.
    pub fn vault_ncn_ticket_of(&self, vault: &Pubkey) -> Pubkey {
        np::find_vault_ncn_ticket(&VAULT_PROGRAM_ID, vault, &self.ncn).0
    }

    // -- Config and vault registry -----------------------------------------------------------

    /// `InitializeConfig` (0): `(epochs_before_stall, epochs_after_consensus_before_close,
    /// valid_slots_after_consensus)` and the NCN fee.
    pub fn initialize_config_ix(&self, params: (u64, u64, u64), ncn_fee_bps: u16) -> Instruction {
        self.to(ni::InitializeConfig {
            config: self.config,
            ncn: self.ncn,
            ncn_fee_wallet: self.ncn_fee_wallet,
            ncn_admin: self.ncn_admin,
            tie_breaker_admin: self.tie_breaker_admin,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeConfigInstructionArgs {
            epochs_before_stall: params.0,
            epochs_after_consensus_before_close: params.1,
            valid_slots_after_consensus: params.2,
            ncn_fee_bps,
        }))
    }

    pub fn initialize_vault_registry_ix(&self) -> Instruction {
        self.to(ni::InitializeVaultRegistry {
            config: self.config,
            vault_registry: self.vault_registry,
            ncn: self.ncn,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction())
    }

    pub fn realloc_vault_registry_ix(&self) -> Instruction {
        self.to(ni::ReallocVaultRegistry {
            config: self.config,
            vault_registry: self.vault_registry,
            ncn: self.ncn,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction())
    }

    pub fn register_vault_ix(&self, vault: &Pubkey) -> Instruction {
        self.to(ni::RegisterVault {
            config: self.config,
            vault_registry: self.vault_registry,
            ncn: self.ncn,
            vault: *vault,
            ncn_vault_ticket: self.ncn_vault_ticket_of(vault),
        }
        .instruction())
    }

    /// `AdminSetParameters` (25) by the NCN admin: `(starting_valid_epoch,
    /// epochs_before_stall, epochs_after_consensus_before_close, valid_slots_after_consensus)`.
    pub fn admin_set_parameters_ix(
        &self,
        p: (Option<u64>, Option<u64>, Option<u64>, Option<u64>),
    ) -> Instruction {
        self.to(ni::AdminSetParameters {
            config: self.config,
            ncn: self.ncn,
            ncn_admin: self.ncn_admin,
        }
        .instruction(ni::AdminSetParametersInstructionArgs {
            starting_valid_epoch: p.0,
            epochs_before_stall: p.1,
            epochs_after_consensus_before_close: p.2,
            valid_slots_after_consensus: p.3,
        }))
    }

    pub fn admin_set_new_admin_ix(&self, role: ConfigAdminRole, new_admin: &Pubkey) -> Instruction {
        self.to(ni::AdminSetNewAdmin {
            config: self.config,
            ncn: self.ncn,
            ncn_admin: self.ncn_admin,
            new_admin: *new_admin,
        }
        .instruction(ni::AdminSetNewAdminInstructionArgs { role }))
    }

    pub fn admin_register_st_mint_ix(&self, st_mint: &Pubkey, weight: Option<u128>) -> Instruction {
        self.to(ni::AdminRegisterStMint {
            config: self.config,
            ncn: self.ncn,
            st_mint: *st_mint,
            vault_registry: self.vault_registry,
            admin: self.ncn_admin,
        }
        .instruction(ni::AdminRegisterStMintInstructionArgs { weight }))
    }

    pub fn admin_set_st_mint_ix(&self, st_mint: &Pubkey, weight: Option<u128>) -> Instruction {
        self.to(ni::AdminSetStMint {
            config: self.config,
            ncn: self.ncn,
            vault_registry: self.vault_registry,
            admin: self.ncn_admin,
        }
        .instruction(ni::AdminSetStMintInstructionArgs {
            st_mint: *st_mint,
            weight,
        }))
    }

    // -- Epoch state, weight table, snapshots ------------------------------------------------

    pub fn initialize_epoch_state_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::InitializeEpochState {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeEpochStateInstructionArgs { epoch }))
    }

    pub fn initialize_weight_table_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::InitializeWeightTable {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            vault_registry: self.vault_registry,
            ncn: self.ncn,
            weight_table: self.weight_table_address(epoch),
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeWeightTableInstructionArgs { epoch }))
    }

    pub fn realloc_weight_table_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::ReallocWeightTable {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            weight_table: self.weight_table_address(epoch),
            ncn: self.ncn,
            vault_registry: self.vault_registry,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::ReallocWeightTableInstructionArgs { epoch }))
    }

    /// `AdminSetWeight` (28) by the NCN admin (the weight table admin).
    pub fn admin_set_weight_ix(&self, st_mint: &Pubkey, weight: u128, epoch: u64) -> Instruction {
        self.to(ni::AdminSetWeight {
            epoch_state: self.epoch_state_address(epoch),
            ncn: self.ncn,
            weight_table: self.weight_table_address(epoch),
            weight_table_admin: self.ncn_admin,
        }
        .instruction(ni::AdminSetWeightInstructionArgs {
            st_mint: *st_mint,
            weight,
            epoch,
        }))
    }

    pub fn set_epoch_weights_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::SetEpochWeights {
            epoch_state: self.epoch_state_address(epoch),
            ncn: self.ncn,
            vault_registry: self.vault_registry,
            weight_table: self.weight_table_address(epoch),
        }
        .instruction(ni::SetEpochWeightsInstructionArgs { epoch }))
    }

    pub fn initialize_epoch_snapshot_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::InitializeEpochSnapshot {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            weight_table: self.weight_table_address(epoch),
            epoch_snapshot: self.epoch_snapshot_address(epoch),
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeEpochSnapshotInstructionArgs { epoch }))
    }

    pub fn initialize_operator_snapshot_ix(&self, operator: &Pubkey, epoch: u64) -> Instruction {
        self.to(ni::InitializeOperatorSnapshot {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            restaking_config: self.restaking_config,
            ncn: self.ncn,
            operator: *operator,
            ncn_operator_state: self.ncn_operator_state_of(operator),
            epoch_snapshot: self.epoch_snapshot_address(epoch),
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeOperatorSnapshotInstructionArgs { epoch }))
    }

    pub fn snapshot_vault_operator_delegation_ix(
        &self,
        operator: &Pubkey,
        vault: &Pubkey,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::SnapshotVaultOperatorDelegation {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            restaking_config: self.restaking_config,
            ncn: self.ncn,
            operator: *operator,
            vault: *vault,
            vault_ncn_ticket: self.vault_ncn_ticket_of(vault),
            ncn_vault_ticket: self.ncn_vault_ticket_of(vault),
            vault_operator_delegation: np::find_vault_operator_delegation(
                &VAULT_PROGRAM_ID,
                vault,
                operator,
            )
            .0,
            weight_table: self.weight_table_address(epoch),
            epoch_snapshot: self.epoch_snapshot_address(epoch),
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
        }
        .instruction(ni::SnapshotVaultOperatorDelegationInstructionArgs { epoch }))
    }

    // -- Voting ------------------------------------------------------------------------------

    pub fn initialize_ballot_box_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::InitializeBallotBox {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ballot_box: self.ballot_box_address(epoch),
            ncn: self.ncn,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
            consensus_result: self.consensus_result_address(epoch),
        }
        .instruction(ni::InitializeBallotBoxInstructionArgs { epoch }))
    }

    pub fn realloc_ballot_box_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::ReallocBallotBox {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ballot_box: self.ballot_box_address(epoch),
            ncn: self.ncn,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::ReallocBallotBoxInstructionArgs { epoch }))
    }

    /// `CastVote` (13) of `operator` signed by `voter`.
    pub fn cast_vote_ix(
        &self,
        operator: &Pubkey,
        voter: &Pubkey,
        weather_status: u8,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::CastVote {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ballot_box: self.ballot_box_address(epoch),
            ncn: self.ncn,
            epoch_snapshot: self.epoch_snapshot_address(epoch),
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
            operator: *operator,
            operator_voter: *voter,
            consensus_result: self.consensus_result_address(epoch),
        }
        .instruction(ni::CastVoteInstructionArgs {
            weather_status,
            epoch,
        }))
    }

    pub fn admin_set_tie_breaker_ix(&self, weather_status: u8, epoch: u64) -> Instruction {
        self.to(ni::AdminSetTieBreaker {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ballot_box: self.ballot_box_address(epoch),
            ncn: self.ncn,
            tie_breaker_admin: self.tie_breaker_admin,
        }
        .instruction(ni::AdminSetTieBreakerInstructionArgs {
            weather_status,
            epoch,
        }))
    }

    // -- Rewards -----------------------------------------------------------------------------

    pub fn initialize_ncn_reward_router_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::InitializeNcnRewardRouter {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            ncn: self.ncn,
            ncn_reward_router: self.ncn_reward_router_address(epoch),
            ncn_reward_receiver: self.ncn_reward_receiver_address(epoch),
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeNcnRewardRouterInstructionArgs { epoch }))
    }

    pub fn realloc_ncn_reward_router_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::ReallocNcnRewardRouter {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn_reward_router: self.ncn_reward_router_address(epoch),
            ncn: self.ncn,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::ReallocNcnRewardRouterInstructionArgs { epoch }))
    }

    pub fn route_ncn_rewards_ix(&self, max_iterations: u16, epoch: u64) -> Instruction {
        self.to(ni::RouteNcnRewards {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            epoch_snapshot: self.epoch_snapshot_address(epoch),
            ballot_box: self.ballot_box_address(epoch),
            ncn_reward_router: self.ncn_reward_router_address(epoch),
            ncn_reward_receiver: self.ncn_reward_receiver_address(epoch),
        }
        .instruction(ni::RouteNcnRewardsInstructionArgs {
            max_iterations,
            epoch,
        }))
    }

    pub fn distribute_protocol_rewards_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::DistributeProtocolRewards {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            ncn_reward_router: self.ncn_reward_router_address(epoch),
            ncn_reward_receiver: self.ncn_reward_receiver_address(epoch),
            protocol_fee_wallet: PROTOCOL_FEE_WALLET,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::DistributeProtocolRewardsInstructionArgs { epoch }))
    }

    pub fn distribute_ncn_rewards_ix(&self, epoch: u64) -> Instruction {
        self.to(ni::DistributeNcnRewards {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            ncn_reward_router: self.ncn_reward_router_address(epoch),
            ncn_reward_receiver: self.ncn_reward_receiver_address(epoch),
            ncn_fee_wallet: self.ncn_fee_wallet,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::DistributeNcnRewardsInstructionArgs { epoch }))
    }

    pub fn initialize_operator_vault_reward_router_ix(
        &self,
        operator: &Pubkey,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::InitializeOperatorVaultRewardRouter {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            ncn: self.ncn,
            operator: *operator,
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
            operator_vault_reward_router: self.operator_router_of(operator, epoch),
            operator_vault_reward_receiver: self.operator_receiver_of(operator, epoch),
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::InitializeOperatorVaultRewardRouterInstructionArgs { epoch }))
    }

    pub fn distribute_operator_vault_reward_route_ix(
        &self,
        operator: &Pubkey,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::DistributeOperatorVaultRewardRoute {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            operator: *operator,
            ncn_reward_router: self.ncn_reward_router_address(epoch),
            ncn_reward_receiver: self.ncn_reward_receiver_address(epoch),
            operator_vault_reward_router: self.operator_router_of(operator, epoch),
            operator_vault_reward_receiver: self.operator_receiver_of(operator, epoch),
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::DistributeOperatorVaultRewardRouteInstructionArgs { epoch }))
    }

    pub fn route_operator_vault_rewards_ix(
        &self,
        operator: &Pubkey,
        max_iterations: u16,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::RouteOperatorVaultRewards {
            epoch_state: self.epoch_state_address(epoch),
            ncn: self.ncn,
            operator: *operator,
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
            operator_vault_reward_router: self.operator_router_of(operator, epoch),
            operator_vault_reward_receiver: self.operator_receiver_of(operator, epoch),
        }
        .instruction(ni::RouteOperatorVaultRewardsInstructionArgs {
            max_iterations,
            epoch,
        }))
    }

    pub fn distribute_operator_rewards_ix(&self, operator: &Pubkey, epoch: u64) -> Instruction {
        self.to(ni::DistributeOperatorRewards {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            operator: *operator,
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
            operator_vault_reward_router: self.operator_router_of(operator, epoch),
            operator_vault_reward_receiver: self.operator_receiver_of(operator, epoch),
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::DistributeOperatorRewardsInstructionArgs { epoch }))
    }

    pub fn distribute_vault_rewards_ix(
        &self,
        operator: &Pubkey,
        vault: &Pubkey,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::DistributeVaultRewards {
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            operator: *operator,
            vault: *vault,
            operator_snapshot: self.operator_snapshot_of(operator, epoch),
            operator_vault_reward_router: self.operator_router_of(operator, epoch),
            operator_vault_reward_receiver: self.operator_receiver_of(operator, epoch),
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ni::DistributeVaultRewardsInstructionArgs { epoch }))
    }

    // -- Closing -----------------------------------------------------------------------------

    /// `CloseEpochAccount` (22) of `account` (a reward router also takes the NCN fee wallet and
    /// its `receiver`).
    pub fn close_epoch_account_ix(
        &self,
        account: &Pubkey,
        receiver: Option<Pubkey>,
        epoch: u64,
    ) -> Instruction {
        self.to(ni::CloseEpochAccount {
            epoch_marker: self.epoch_marker_address(epoch),
            epoch_state: self.epoch_state_address(epoch),
            config: self.config,
            ncn: self.ncn,
            account_to_close: *account,
            account_payer: self.account_payer,
            system_program: SYSTEM_PROGRAM_ID,
            ncn_fee_wallet: receiver.map(|_| self.ncn_fee_wallet),
            receiver_to_close: receiver,
        }
        .instruction(ni::CloseEpochAccountInstructionArgs { epoch }))
    }
}
