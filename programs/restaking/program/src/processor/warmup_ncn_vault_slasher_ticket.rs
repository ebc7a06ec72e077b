//! `WarmupNcnVaultSlasherTicket` (tag 13): the NCN slasher admin starts
//! warming up a slasher for a vault.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{ncn_vault_slasher_ticket_toggle::ncn_vault_slasher_ticket_toggle, Toggle};

/// Accounts: `[config, ncn, vault, slasher, ncn_vault_ticket,
/// ncn_vault_slasher_ticket (w), admin (s)]`.
///
/// As in the original, the NCN vault ticket only has to exist (its state is
/// not consulted).
pub fn process_warmup_ncn_vault_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    ncn_vault_slasher_ticket_toggle(
        program_id,
        accounts,
        data,
        true, // takes the NCN vault ticket
        Toggle::Warmup,
        RestakingError::NcnVaultSlasherTicketFailedWarmup,
    )
}
