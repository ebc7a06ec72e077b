//! The Jito vault program, written with Pinocchio: `no_std`, no heap,
//! zero-copy account views, drop-in compatible with the original.

#![no_std]

pub mod processor;

// memcpy/memset/memcmp through the `sol_mem*` syscalls.
#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use crate::processor as p;

pinocchio::program_entrypoint!(process_instruction);
pinocchio::no_allocator!();
pinocchio::nostd_panic_handler!();

/// Dispatches on the 1-byte tag (the original's variant index at master,
/// RevokeDelegateTokenAccount = 21); `data` passed on is what follows the tag.
/// The program id is not compared with the default one, so the same binary can
/// be deployed under any id. One line per tag.
#[inline(always)]
#[rustfmt::skip]
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
        0 => p::initialize_config::process_initialize_config(program_id, accounts, data),
        1 => p::initialize_vault::process_initialize_vault(program_id, accounts, data),
        2 => p::initialize_vault_with_mint::process_initialize_vault_with_mint(program_id, accounts, data),
        3 => p::initialize_vault_operator_delegation::process_initialize_vault_operator_delegation(program_id, accounts, data),
        4 => p::initialize_vault_ncn_ticket::process_initialize_vault_ncn_ticket(program_id, accounts, data),
        5 => p::initialize_vault_ncn_slasher_operator_ticket::process_initialize_vault_ncn_slasher_operator_ticket(program_id, accounts, data),
        6 => p::initialize_vault_ncn_slasher_ticket::process_initialize_vault_ncn_slasher_ticket(program_id, accounts, data),
        7 => p::warmup_vault_ncn_ticket::process_warmup_vault_ncn_ticket(program_id, accounts, data),
        8 => p::cooldown_vault_ncn_ticket::process_cooldown_vault_ncn_ticket(program_id, accounts, data),
        9 => p::warmup_vault_ncn_slasher_ticket::process_warmup_vault_ncn_slasher_ticket(program_id, accounts, data),
        10 => p::cooldown_vault_ncn_slasher_ticket::process_cooldown_vault_ncn_slasher_ticket(program_id, accounts, data),
        11 => p::mint_to::process_mint_to(program_id, accounts, data),
        12 => p::enqueue_withdrawal::process_enqueue_withdrawal(program_id, accounts, data),
        13 => p::change_withdrawal_ticket_owner::process_change_withdrawal_ticket_owner(program_id, accounts, data),
        14 => p::burn_withdrawal_ticket::process_burn_withdrawal_ticket(program_id, accounts, data),
        15 => p::set_deposit_capacity::process_set_deposit_capacity(program_id, accounts, data),
        16 => p::set_fees::process_set_fees(program_id, accounts, data),
        17 => p::set_program_fee::process_set_program_fee(program_id, accounts, data),
        18 => p::set_program_fee_wallet::process_set_program_fee_wallet(program_id, accounts, data),
        19 => p::set_is_paused::process_set_is_paused(program_id, accounts, data),
        20 => p::delegate_token_account::process_delegate_token_account(program_id, accounts, data),
        21 => p::revoke_delegate_token_account::process_revoke_delegate_token_account(program_id, accounts, data),
        22 => p::set_admin::process_set_admin(program_id, accounts, data),
        23 => p::set_secondary_admin::process_set_secondary_admin(program_id, accounts, data),
        24 => p::add_delegation::process_add_delegation(program_id, accounts, data),
        25 => p::cooldown_delegation::process_cooldown_delegation(program_id, accounts, data),
        26 => p::update_vault_balance::process_update_vault_balance(program_id, accounts, data),
        27 => p::initialize_vault_update_state_tracker::process_initialize_vault_update_state_tracker(program_id, accounts, data),
        28 => p::crank_vault_update_state_tracker::process_crank_vault_update_state_tracker(program_id, accounts, data),
        29 => p::close_vault_update_state_tracker::process_close_vault_update_state_tracker(program_id, accounts, data),
        30 => p::create_token_metadata::process_create_token_metadata(program_id, accounts, data),
        31 => p::update_token_metadata::process_update_token_metadata(program_id, accounts, data),
        32 => p::set_config_admin::process_set_config_admin(program_id, accounts, data),
        33 => p::set_config_secondary_admin::process_set_config_secondary_admin(program_id, accounts, data),
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
    logger.append("vault instruction ");
    logger.append(tag);
    logger.append(" failed: error ");
    logger.append(u64::from(error.clone()));
    logger.log();
}
