//! The Jito restaking program, written with Pinocchio: `no_std`, no heap,
//! zero-copy account views, drop-in compatible with the original.

#![no_std]

pub mod processor;

// memcpy/memset/memcmp through the `sol_mem*` syscalls.
#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use crate::processor::*;

jito_core::program_entrypoint!(process_instruction);
pinocchio::no_allocator!();
pinocchio::nostd_panic_handler!();

/// Dispatches on the 1-byte tag (the original's variant index); `data` passed
/// on is what follows the tag. The program id is not compared with the default
/// one, so the same binary can be deployed under any id.
#[inline(always)]
pub fn process_instruction(
    program_id: &Address,
    accounts: &mut [AccountView],
    instruction_data: &[u8],
) -> ProgramResult {
    #[cfg(feature = "logging")]
    jito_core::debug::record_accounts(accounts);
    let [tag, data @ ..] = instruction_data else {
        return Err(ProgramError::InvalidInstructionData);
    };
    let result = match *tag {
        0 => process_initialize_config(program_id, accounts, data),
        1 => process_initialize_ncn(program_id, accounts, data),
        2 => process_initialize_operator(program_id, accounts, data),
        3 => process_initialize_ncn_vault_slasher_ticket(program_id, accounts, data),
        4 => process_initialize_ncn_vault_ticket(program_id, accounts, data),
        5 => process_initialize_operator_vault_ticket(program_id, accounts, data),
        6 => process_initialize_ncn_operator_state(program_id, accounts, data),
        7 => process_warmup_ncn_vault_ticket(program_id, accounts, data),
        8 => process_cooldown_ncn_vault_ticket(program_id, accounts, data),
        9 => process_ncn_warmup_operator(program_id, accounts, data),
        10 => process_ncn_cooldown_operator(program_id, accounts, data),
        11 => process_operator_warmup_ncn(program_id, accounts, data),
        12 => process_operator_cooldown_ncn(program_id, accounts, data),
        13 => process_warmup_ncn_vault_slasher_ticket(program_id, accounts, data),
        14 => process_cooldown_ncn_vault_slasher_ticket(program_id, accounts, data),
        15 => process_warmup_operator_vault_ticket(program_id, accounts, data),
        16 => process_cooldown_operator_vault_ticket(program_id, accounts, data),
        17 => process_ncn_set_admin(program_id, accounts, data),
        18 => process_ncn_set_secondary_admin(program_id, accounts, data),
        19 => process_operator_set_admin(program_id, accounts, data),
        20 => process_operator_set_secondary_admin(program_id, accounts, data),
        21 => process_operator_set_fee(program_id, accounts, data),
        22 => process_ncn_delegate_token_account(program_id, accounts, data),
        23 => process_operator_delegate_token_account(program_id, accounts, data),
        24 => process_set_config_admin(program_id, accounts, data),
        _ => Err(ProgramError::InvalidInstructionData),
    };
    #[cfg(feature = "logging")]
    if let Err(error) = &result {
        log_failure(*tag, error);
    }
    result
}

/// `logging` builds only: one line naming the failed tag and error code.
#[cfg(feature = "logging")]
#[cold]
fn log_failure(tag: u8, error: &ProgramError) {
    let mut logger = solana_program_log::logger::Logger::<64>::default();
    logger.append("restaking instruction ");
    logger.append(tag);
    logger.append(" failed: error ");
    logger.append(u64::from(error.clone()));
    logger.log();
}
