//! `WarmupNcnVaultTicket` (tag 7): the NCN vault admin starts warming up the
//! NCN's opt-in to a vault.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{ncn_vault_ticket_toggle::ncn_vault_ticket_toggle, Toggle};

/// Accounts: `[config, ncn, vault, ncn_vault_ticket (w), admin (s)]`.
pub fn process_warmup_ncn_vault_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    ncn_vault_ticket_toggle(
        program_id,
        accounts,
        data,
        true, // the vault account is loaded
        Toggle::Warmup,
        RestakingError::NcnVaultTicketFailedWarmup,
    )
}
