//! The Jito vault program, written with Pinocchio: `no_std`, no heap,
//! zero-copy account views, drop-in compatible with the original.

#![no_std]

pub mod processor;

// memcpy/memset/memcmp through the `sol_mem*` syscalls.
#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use crate::processor as p;

#[cfg(not(feature = "legacy-numbering"))]
use jito_vault_interface::instruction::tag as t;
#[cfg(feature = "legacy-numbering")]
use jito_vault_interface::numbering::legacy_tag as t;

jito_core::program_entrypoint!(process_instruction);
pinocchio::no_allocator!();
pinocchio::nostd_panic_handler!();

/// Dispatches on the 1-byte tag; `data` passed on is what follows the tag. The
/// tags are master's (the original's variant index at 8109c879,
/// RevokeDelegateTokenAccount = 21), or with the `legacy-numbering` feature the
/// older deployed numbering (SetAdmin = 21 … SetConfigAdmin = 31, then
/// RevokeDelegateTokenAccount = 32, SetConfigSecondaryAdmin = 33): one table,
/// two sets of tag constants. The program id is not compared with the default
/// one, so the same binary can be deployed under any id. One line per tag.
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
        t::INITIALIZE_CONFIG => p::initialize_config::process_initialize_config(program_id, accounts, data),
        t::INITIALIZE_VAULT => p::initialize_vault::process_initialize_vault(program_id, accounts, data),
        t::INITIALIZE_VAULT_WITH_MINT => p::initialize_vault_with_mint::process_initialize_vault_with_mint(program_id, accounts, data),
        t::INITIALIZE_VAULT_OPERATOR_DELEGATION => p::initialize_vault_operator_delegation::process_initialize_vault_operator_delegation(program_id, accounts, data),
        t::INITIALIZE_VAULT_NCN_TICKET => p::initialize_vault_ncn_ticket::process_initialize_vault_ncn_ticket(program_id, accounts, data),
        t::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET => p::initialize_vault_ncn_slasher_operator_ticket::process_initialize_vault_ncn_slasher_operator_ticket(program_id, accounts, data),
        t::INITIALIZE_VAULT_NCN_SLASHER_TICKET => p::initialize_vault_ncn_slasher_ticket::process_initialize_vault_ncn_slasher_ticket(program_id, accounts, data),
        t::WARMUP_VAULT_NCN_TICKET => p::warmup_vault_ncn_ticket::process_warmup_vault_ncn_ticket(program_id, accounts, data),
        t::COOLDOWN_VAULT_NCN_TICKET => p::cooldown_vault_ncn_ticket::process_cooldown_vault_ncn_ticket(program_id, accounts, data),
        t::WARMUP_VAULT_NCN_SLASHER_TICKET => p::warmup_vault_ncn_slasher_ticket::process_warmup_vault_ncn_slasher_ticket(program_id, accounts, data),
        t::COOLDOWN_VAULT_NCN_SLASHER_TICKET => p::cooldown_vault_ncn_slasher_ticket::process_cooldown_vault_ncn_slasher_ticket(program_id, accounts, data),
        t::MINT_TO => p::mint_to::process_mint_to(program_id, accounts, data),
        t::ENQUEUE_WITHDRAWAL => p::enqueue_withdrawal::process_enqueue_withdrawal(program_id, accounts, data),
        t::CHANGE_WITHDRAWAL_TICKET_OWNER => p::change_withdrawal_ticket_owner::process_change_withdrawal_ticket_owner(program_id, accounts, data),
        t::BURN_WITHDRAWAL_TICKET => p::burn_withdrawal_ticket::process_burn_withdrawal_ticket(program_id, accounts, data),
        t::SET_DEPOSIT_CAPACITY => p::set_deposit_capacity::process_set_deposit_capacity(program_id, accounts, data),
        t::SET_FEES => p::set_fees::process_set_fees(program_id, accounts, data),
        t::SET_PROGRAM_FEE => p::set_program_fee::process_set_program_fee(program_id, accounts, data),
        t::SET_PROGRAM_FEE_WALLET => p::set_program_fee_wallet::process_set_program_fee_wallet(program_id, accounts, data),
        t::SET_IS_PAUSED => p::set_is_paused::process_set_is_paused(program_id, accounts, data),
        t::DELEGATE_TOKEN_ACCOUNT => p::delegate_token_account::process_delegate_token_account(program_id, accounts, data),
        t::REVOKE_DELEGATE_TOKEN_ACCOUNT => p::revoke_delegate_token_account::process_revoke_delegate_token_account(program_id, accounts, data),
        t::SET_ADMIN => p::set_admin::process_set_admin(program_id, accounts, data),
        t::SET_SECONDARY_ADMIN => p::set_secondary_admin::process_set_secondary_admin(program_id, accounts, data),
        t::ADD_DELEGATION => p::add_delegation::process_add_delegation(program_id, accounts, data),
        t::COOLDOWN_DELEGATION => p::cooldown_delegation::process_cooldown_delegation(program_id, accounts, data),
        t::UPDATE_VAULT_BALANCE => p::update_vault_balance::process_update_vault_balance(program_id, accounts, data),
        t::INITIALIZE_VAULT_UPDATE_STATE_TRACKER => p::initialize_vault_update_state_tracker::process_initialize_vault_update_state_tracker(program_id, accounts, data),
        t::CRANK_VAULT_UPDATE_STATE_TRACKER => p::crank_vault_update_state_tracker::process_crank_vault_update_state_tracker(program_id, accounts, data),
        t::CLOSE_VAULT_UPDATE_STATE_TRACKER => p::close_vault_update_state_tracker::process_close_vault_update_state_tracker(program_id, accounts, data),
        t::CREATE_TOKEN_METADATA => p::create_token_metadata::process_create_token_metadata(program_id, accounts, data),
        t::UPDATE_TOKEN_METADATA => p::update_token_metadata::process_update_token_metadata(program_id, accounts, data),
        t::SET_CONFIG_ADMIN => p::set_config_admin::process_set_config_admin(program_id, accounts, data),
        t::SET_CONFIG_SECONDARY_ADMIN => p::set_config_secondary_admin::process_set_config_secondary_admin(program_id, accounts, data),
        // Appended to the original's instructions (docs/COMPATIBILITY.md).
        t::BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER => p::batch_crank_vault_update_state_tracker::process_batch_crank_vault_update_state_tracker(program_id, accounts, data),
        t::GET_NUMBERING => p::get_numbering::process_get_numbering(program_id, accounts, data),
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
