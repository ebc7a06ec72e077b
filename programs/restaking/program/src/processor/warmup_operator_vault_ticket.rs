//! `WarmupOperatorVaultTicket` (tag 15): the operator vault admin starts warming up the
//! operator's opt-in to a vault.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{operator_vault_ticket_toggle::operator_vault_ticket_toggle, Toggle};

/// Accounts: `[config, operator, vault, operator_vault_ticket (w), admin (s)]`.
pub fn process_warmup_operator_vault_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    operator_vault_ticket_toggle(
        program_id,
        accounts,
        data,
        Toggle::Warmup,
        RestakingError::OperatorVaultTicketFailedWarmup,
    )
}
