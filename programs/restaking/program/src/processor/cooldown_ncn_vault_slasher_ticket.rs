//! `CooldownNcnVaultSlasherTicket` (tag 14): the NCN slasher admin starts
//! cooling down a slasher for a vault.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{ncn_vault_slasher_ticket_toggle::ncn_vault_slasher_ticket_toggle, Toggle};

/// Accounts: `[config, ncn, vault, slasher, ncn_vault_slasher_ticket (w), admin (s)]`.
pub fn process_cooldown_ncn_vault_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    ncn_vault_slasher_ticket_toggle(
        program_id,
        accounts,
        data,
        false, // no NCN vault ticket
        Toggle::Cooldown,
        RestakingError::NcnVaultSlasherTicketFailedCooldown,
    )
}
