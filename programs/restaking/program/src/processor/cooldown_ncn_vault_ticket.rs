//! `CooldownNcnVaultTicket` (tag 8): the NCN vault admin starts cooling down
//! the NCN's opt-in to a vault.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{ncn_vault_ticket_toggle::ncn_vault_ticket_toggle, Toggle};

/// Accounts: `[config, ncn, vault, ncn_vault_ticket (w), admin (s)]`.
///
/// As in the original, the vault account itself is not loaded: only its
/// address, through the ticket's PDA, is checked.
pub fn process_cooldown_ncn_vault_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    ncn_vault_ticket_toggle(
        program_id,
        accounts,
        data,
        false, // the vault account is not loaded
        Toggle::Cooldown,
        RestakingError::NcnVaultTicketFailedCooldown,
    )
}
