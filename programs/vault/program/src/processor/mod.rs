//! One module per instruction, `process_<name>(program_id, accounts, data)`
//! where `data` is the instruction data after the tag. One `pub mod` line each.

use pinocchio::{error::ProgramError, ProgramResult};

pub mod add_delegation;
pub mod batch_crank_vault_update_state_tracker;
pub mod burn_withdrawal_ticket;
pub mod change_withdrawal_ticket_owner;
pub mod close_vault_update_state_tracker;
pub mod cooldown_delegation;
pub mod cooldown_vault_ncn_slasher_ticket;
pub mod cooldown_vault_ncn_ticket;
pub mod crank_vault_update_state_tracker;
pub mod create_token_metadata;
pub mod delegate_token_account;
pub mod enqueue_withdrawal;
pub mod get_numbering;
pub mod initialize_config;
pub mod initialize_vault;
pub mod initialize_vault_ncn_slasher_operator_ticket;
pub mod initialize_vault_ncn_slasher_ticket;
pub mod initialize_vault_ncn_ticket;
pub mod initialize_vault_operator_delegation;
pub mod initialize_vault_update_state_tracker;
pub mod initialize_vault_with_mint;
pub mod mint_to;
pub mod revoke_delegate_token_account;
pub mod set_admin;
pub mod set_config_admin;
pub mod set_config_secondary_admin;
pub mod set_deposit_capacity;
pub mod set_fees;
pub mod set_is_paused;
pub mod set_program_fee;
pub mod set_program_fee_wallet;
pub mod set_secondary_admin;
pub mod shared;
pub mod update_token_metadata;
pub mod update_vault_balance;
pub mod warmup_vault_ncn_slasher_ticket;
pub mod warmup_vault_ncn_ticket;

/// An instruction without arguments: the original's Borsh decoding refuses
/// trailing bytes (`InvalidInstructionData` here).
#[inline(always)]
pub fn no_args(data: &[u8]) -> ProgramResult {
    if !data.is_empty() {
        return Err(ProgramError::InvalidInstructionData);
    }
    Ok(())
}
