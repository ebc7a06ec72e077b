//! One module per instruction, `process_<name>(program_id, accounts, data)`
//! where `data` is the instruction data after the tag.

pub mod cooldown_ncn_vault_slasher_ticket;
pub mod cooldown_ncn_vault_ticket;
pub mod cooldown_operator_vault_ticket;
pub mod initialize_config;
pub mod initialize_ncn;
pub mod initialize_ncn_operator_state;
pub mod initialize_ncn_vault_slasher_ticket;
pub mod initialize_ncn_vault_ticket;
pub mod initialize_operator;
pub mod initialize_operator_vault_ticket;
pub mod ncn_cooldown_operator;
pub mod ncn_delegate_token_account;
pub mod ncn_set_admin;
pub mod ncn_set_secondary_admin;
pub mod ncn_warmup_operator;
pub mod operator_cooldown_ncn;
pub mod operator_delegate_token_account;
pub mod operator_set_admin;
pub mod operator_set_fee;
pub mod operator_set_secondary_admin;
pub mod operator_warmup_ncn;
pub mod set_config_admin;
pub mod shared;
pub mod warmup_ncn_vault_slasher_ticket;
pub mod warmup_ncn_vault_ticket;
pub mod warmup_operator_vault_ticket;

pub use cooldown_ncn_vault_slasher_ticket::process_cooldown_ncn_vault_slasher_ticket;
pub use cooldown_ncn_vault_ticket::process_cooldown_ncn_vault_ticket;
pub use cooldown_operator_vault_ticket::process_cooldown_operator_vault_ticket;
pub use initialize_config::process_initialize_config;
pub use initialize_ncn::process_initialize_ncn;
pub use initialize_ncn_operator_state::process_initialize_ncn_operator_state;
pub use initialize_ncn_vault_slasher_ticket::process_initialize_ncn_vault_slasher_ticket;
pub use initialize_ncn_vault_ticket::process_initialize_ncn_vault_ticket;
pub use initialize_operator::process_initialize_operator;
pub use initialize_operator_vault_ticket::process_initialize_operator_vault_ticket;
pub use ncn_cooldown_operator::process_ncn_cooldown_operator;
pub use ncn_delegate_token_account::process_ncn_delegate_token_account;
pub use ncn_set_admin::process_ncn_set_admin;
pub use ncn_set_secondary_admin::process_ncn_set_secondary_admin;
pub use ncn_warmup_operator::process_ncn_warmup_operator;
pub use operator_cooldown_ncn::process_operator_cooldown_ncn;
pub use operator_delegate_token_account::process_operator_delegate_token_account;
pub use operator_set_admin::process_operator_set_admin;
pub use operator_set_fee::process_operator_set_fee;
pub use operator_set_secondary_admin::process_operator_set_secondary_admin;
pub use operator_warmup_ncn::process_operator_warmup_ncn;
pub use set_config_admin::process_set_config_admin;
pub use warmup_ncn_vault_slasher_ticket::process_warmup_ncn_vault_slasher_ticket;
pub use warmup_ncn_vault_ticket::process_warmup_ncn_vault_ticket;
pub use warmup_operator_vault_ticket::process_warmup_operator_vault_ticket;

use jito_core::unlikely;
use pinocchio::{error::ProgramError, ProgramResult};

/// An instruction without arguments: nothing may follow the tag.
#[inline(always)]
pub(crate) fn no_args(data: &[u8]) -> ProgramResult {
    if unlikely(!data.is_empty()) {
        return Err(ProgramError::InvalidInstructionData);
    }
    Ok(())
}

/// Exactly one little-endian `u16` argument.
#[inline(always)]
pub(crate) fn u16_arg(data: &[u8]) -> Result<u16, ProgramError> {
    match data {
        [a, b] => Ok(u16::from_le_bytes([*a, *b])),
        _ => Err(ProgramError::InvalidInstructionData),
    }
}

/// Exactly one little-endian `u64` argument.
#[inline(always)]
pub(crate) fn u64_arg(data: &[u8]) -> Result<u64, ProgramError> {
    let bytes: [u8; 8] = data
        .try_into()
        .map_err(|_| ProgramError::InvalidInstructionData)?;
    Ok(u64::from_le_bytes(bytes))
}
