//! WarmupVaultNcnTicket: the vault's NCN admin starts warming up an inactive
//! VaultNcnTicket.

use jito_vault_interface::error::VaultError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{vault_ncn_ticket_toggle::vault_ncn_ticket_toggle, Toggle};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_warmup_vault_ncn_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    vault_ncn_ticket_toggle(
        program_id,
        accounts,
        data,
        Toggle::Warmup,
        VaultError::VaultNcnTicketFailedWarmup,
    )
}
