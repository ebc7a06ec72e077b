//! The NCN program, written with Pinocchio: `no_std`, no heap, zero-copy account views, a
//! drop-in for Jito's `ncn-template` (commit 32209a1) reading the restaking and vault accounts
//! through their interface crates.
//!
//! All 31 of the template's instructions, with its tags, Borsh arguments, account order and
//! error codes (deviations: `programs/ncn/README.md`).

#![no_std]

pub mod processor;

// memcpy/memset/memcmp through the `sol_mem*` syscalls.
#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

use jito_ncn_interface::instruction::NcnInstruction;
use pinocchio::{AccountView, Address, ProgramResult};

use crate::processor::*;

pinocchio::program_entrypoint!(process_instruction);
pinocchio::no_allocator!();
pinocchio::nostd_panic_handler!();

/// Decodes the instruction (the template decodes it before looking at any account) and
/// dispatches. The program id is not compared with the default one, so the same binary can
/// be deployed under any id.
#[inline(always)]
pub fn process_instruction(
    program_id: &Address,
    accounts: &mut [AccountView],
    instruction_data: &[u8],
) -> ProgramResult {
    #[cfg(feature = "logging")]
    jito_core::debug::record_accounts(accounts);
    match NcnInstruction::unpack(instruction_data)? {
        NcnInstruction::InitializeConfig {
            epochs_before_stall,
            epochs_after_consensus_before_close,
            valid_slots_after_consensus,
            ncn_fee_bps,
        } => process_initialize_config(
            program_id,
            accounts,
            epochs_before_stall,
            epochs_after_consensus_before_close,
            valid_slots_after_consensus,
            ncn_fee_bps,
        ),
        NcnInstruction::InitializeVaultRegistry => {
            process_initialize_vault_registry(program_id, accounts)
        }
        NcnInstruction::ReallocVaultRegistry => {
            process_realloc_vault_registry(program_id, accounts)
        }
        NcnInstruction::RegisterVault => process_register_vault(program_id, accounts),
        NcnInstruction::AdminSetParameters {
            starting_valid_epoch,
            epochs_before_stall,
            epochs_after_consensus_before_close,
            valid_slots_after_consensus,
        } => process_admin_set_parameters(
            program_id,
            accounts,
            starting_valid_epoch,
            epochs_before_stall,
            epochs_after_consensus_before_close,
            valid_slots_after_consensus,
        ),
        NcnInstruction::AdminSetNewAdmin { role } => {
            process_admin_set_new_admin(program_id, accounts, role)
        }
        NcnInstruction::AdminRegisterStMint { weight } => {
            process_admin_register_st_mint(program_id, accounts, weight)
        }
        NcnInstruction::AdminSetStMint { st_mint, weight } => {
            process_admin_set_st_mint(program_id, accounts, &st_mint, weight)
        }
        NcnInstruction::InitializeEpochState { epoch } => {
            process_initialize_epoch_state(program_id, accounts, epoch)
        }
        NcnInstruction::InitializeWeightTable { epoch } => {
            process_initialize_weight_table(program_id, accounts, epoch)
        }
        NcnInstruction::SetEpochWeights { epoch } => {
            process_set_epoch_weights(program_id, accounts, epoch)
        }
        NcnInstruction::ReallocWeightTable { epoch } => {
            process_realloc_weight_table(program_id, accounts, epoch)
        }
        NcnInstruction::AdminSetWeight {
            st_mint,
            weight,
            epoch,
        } => process_admin_set_weight(program_id, accounts, &st_mint, weight, epoch),
        NcnInstruction::InitializeEpochSnapshot { epoch } => {
            process_initialize_epoch_snapshot(program_id, accounts, epoch)
        }
        NcnInstruction::InitializeOperatorSnapshot { epoch } => {
            process_initialize_operator_snapshot(program_id, accounts, epoch)
        }
        NcnInstruction::SnapshotVaultOperatorDelegation { epoch } => {
            process_snapshot_vault_operator_delegation(program_id, accounts, epoch)
        }
        NcnInstruction::InitializeBallotBox { epoch } => {
            process_initialize_ballot_box(program_id, accounts, epoch)
        }
        NcnInstruction::ReallocBallotBox { epoch } => {
            process_realloc_ballot_box(program_id, accounts, epoch)
        }
        NcnInstruction::CastVote {
            weather_status,
            epoch,
        } => process_cast_vote(program_id, accounts, weather_status, epoch),
        NcnInstruction::AdminSetTieBreaker {
            weather_status,
            epoch,
        } => process_admin_set_tie_breaker(program_id, accounts, weather_status, epoch),
        NcnInstruction::InitializeNcnRewardRouter { epoch } => {
            process_initialize_ncn_reward_router(program_id, accounts, epoch)
        }
        NcnInstruction::ReallocNcnRewardRouter { epoch } => {
            process_realloc_ncn_reward_router(program_id, accounts, epoch)
        }
        NcnInstruction::InitializeOperatorVaultRewardRouter { epoch } => {
            process_initialize_operator_vault_reward_router(program_id, accounts, epoch)
        }
        NcnInstruction::DistributeProtocolRewards { epoch } => {
            process_distribute_protocol_rewards(program_id, accounts, epoch)
        }
        NcnInstruction::DistributeNcnRewards { epoch } => {
            process_distribute_ncn_rewards(program_id, accounts, epoch)
        }
        NcnInstruction::DistributeOperatorVaultRewardRoute { epoch } => {
            process_distribute_operator_vault_reward_route(program_id, accounts, epoch)
        }
        NcnInstruction::DistributeOperatorRewards { epoch } => {
            process_distribute_operator_rewards(program_id, accounts, epoch)
        }
        NcnInstruction::DistributeVaultRewards { epoch } => {
            process_distribute_vault_rewards(program_id, accounts, epoch)
        }
        NcnInstruction::RouteNcnRewards {
            max_iterations,
            epoch,
        } => process_route_ncn_rewards(program_id, accounts, max_iterations, epoch),
        NcnInstruction::RouteOperatorVaultRewards {
            max_iterations,
            epoch,
        } => process_route_operator_vault_rewards(program_id, accounts, max_iterations, epoch),
        NcnInstruction::CloseEpochAccount { epoch } => {
            process_close_epoch_account(program_id, accounts, epoch)
        }
    }
}
