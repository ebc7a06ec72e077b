//! WarmupVaultNcnSlasherTicket: the vault's slasher admin starts warming up an inactive
//! VaultNcnSlasherTicket.

use jito_vault_interface::error::VaultError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{vault_ncn_slasher_ticket_toggle::vault_ncn_slasher_ticket_toggle, Toggle};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_warmup_vault_ncn_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    vault_ncn_slasher_ticket_toggle(
        program_id,
        accounts,
        data,
        false, // as the original: the ticket need not be writable
        Toggle::Warmup,
        VaultError::VaultNcnSlasherTicketFailedWarmup,
    )
}
