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

use jito_ncn_interface::{
    instruction::{tag::*, Reader},
    state::ConfigAdminRole,
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use crate::processor::*;

jito_core::program_entrypoint!(process_instruction);
pinocchio::no_allocator!();
pinocchio::nostd_panic_handler!();

/// Decodes the instruction (the template decodes it before looking at any account: each arm
/// reads its arguments and checks that no byte is left, `NcnInstruction::unpack`'s answers,
/// before the processor runs) and dispatches, in one match on the tag. The program id is not
/// compared with the default one, so the same binary can be deployed under any id.
#[inline(always)]
pub fn process_instruction(
    program_id: &Address,
    accounts: &mut [AccountView],
    instruction_data: &[u8],
) -> ProgramResult {
    #[cfg(feature = "logging")]
    jito_core::debug::record_accounts(accounts);
    let mut r = Reader::new(instruction_data);
    // The arguments of an instruction whose only argument is the epoch.
    macro_rules! epoch_only {
        ($process:ident) => {{
            let epoch = r.u64()?;
            r.end()?;
            $process(program_id, accounts, epoch)
        }};
    }
    match r.u8()? {
        INITIALIZE_CONFIG => {
            let epochs_before_stall = r.u64()?;
            let epochs_after_consensus_before_close = r.u64()?;
            let valid_slots_after_consensus = r.u64()?;
            let ncn_fee_bps = r.u16()?;
            r.end()?;
            process_initialize_config(
                program_id,
                accounts,
                epochs_before_stall,
                epochs_after_consensus_before_close,
                valid_slots_after_consensus,
                ncn_fee_bps,
            )
        }
        INITIALIZE_VAULT_REGISTRY => {
            r.end()?;
            process_initialize_vault_registry(program_id, accounts)
        }
        REALLOC_VAULT_REGISTRY => {
            r.end()?;
            process_realloc_vault_registry(program_id, accounts)
        }
        REGISTER_VAULT => {
            r.end()?;
            process_register_vault(program_id, accounts)
        }
        INITIALIZE_EPOCH_STATE => epoch_only!(process_initialize_epoch_state),
        INITIALIZE_WEIGHT_TABLE => epoch_only!(process_initialize_weight_table),
        SET_EPOCH_WEIGHTS => epoch_only!(process_set_epoch_weights),
        REALLOC_WEIGHT_TABLE => epoch_only!(process_realloc_weight_table),
        INITIALIZE_EPOCH_SNAPSHOT => epoch_only!(process_initialize_epoch_snapshot),
        INITIALIZE_OPERATOR_SNAPSHOT => epoch_only!(process_initialize_operator_snapshot),
        SNAPSHOT_VAULT_OPERATOR_DELEGATION => {
            epoch_only!(process_snapshot_vault_operator_delegation)
        }
        INITIALIZE_BALLOT_BOX => epoch_only!(process_initialize_ballot_box),
        REALLOC_BALLOT_BOX => epoch_only!(process_realloc_ballot_box),
        CAST_VOTE => {
            let weather_status = r.u8()?;
            let epoch = r.u64()?;
            r.end()?;
            process_cast_vote(program_id, accounts, weather_status, epoch)
        }
        INITIALIZE_NCN_REWARD_ROUTER => epoch_only!(process_initialize_ncn_reward_router),
        REALLOC_NCN_REWARD_ROUTER => epoch_only!(process_realloc_ncn_reward_router),
        ROUTE_NCN_REWARDS => {
            let max_iterations = r.u16()?;
            let epoch = r.u64()?;
            r.end()?;
            process_route_ncn_rewards(program_id, accounts, max_iterations, epoch)
        }
        DISTRIBUTE_PROTOCOL_REWARDS => epoch_only!(process_distribute_protocol_rewards),
        DISTRIBUTE_NCN_REWARDS => epoch_only!(process_distribute_ncn_rewards),
        INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER => {
            epoch_only!(process_initialize_operator_vault_reward_router)
        }
        DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE => {
            epoch_only!(process_distribute_operator_vault_reward_route)
        }
        ROUTE_OPERATOR_VAULT_REWARDS => {
            let max_iterations = r.u16()?;
            let epoch = r.u64()?;
            r.end()?;
            process_route_operator_vault_rewards(program_id, accounts, max_iterations, epoch)
        }
        CLOSE_EPOCH_ACCOUNT => epoch_only!(process_close_epoch_account),
        DISTRIBUTE_OPERATOR_REWARDS => epoch_only!(process_distribute_operator_rewards),
        DISTRIBUTE_VAULT_REWARDS => epoch_only!(process_distribute_vault_rewards),
        ADMIN_SET_PARAMETERS => {
            let starting_valid_epoch = r.option(Reader::u64)?;
            let epochs_before_stall = r.option(Reader::u64)?;
            let epochs_after_consensus_before_close = r.option(Reader::u64)?;
            let valid_slots_after_consensus = r.option(Reader::u64)?;
            r.end()?;
            process_admin_set_parameters(
                program_id,
                accounts,
                starting_valid_epoch,
                epochs_before_stall,
                epochs_after_consensus_before_close,
                valid_slots_after_consensus,
            )
        }
        ADMIN_SET_NEW_ADMIN => {
            let role = ConfigAdminRole::from_u8(r.u8()?)?;
            r.end()?;
            process_admin_set_new_admin(program_id, accounts, role)
        }
        ADMIN_SET_TIE_BREAKER => {
            let weather_status = r.u8()?;
            let epoch = r.u64()?;
            r.end()?;
            process_admin_set_tie_breaker(program_id, accounts, weather_status, epoch)
        }
        ADMIN_SET_WEIGHT => {
            let st_mint = r.address()?;
            let weight = r.u128()?;
            let epoch = r.u64()?;
            r.end()?;
            process_admin_set_weight(program_id, accounts, &st_mint, weight, epoch)
        }
        ADMIN_REGISTER_ST_MINT => {
            let weight = r.option(Reader::u128)?;
            r.end()?;
            process_admin_register_st_mint(program_id, accounts, weight)
        }
        ADMIN_SET_ST_MINT => {
            let st_mint = r.address()?;
            let weight = r.option(Reader::u128)?;
            r.end()?;
            process_admin_set_st_mint(program_id, accounts, &st_mint, weight)
        }
        _ => Err(ProgramError::InvalidInstructionData),
    }
}
