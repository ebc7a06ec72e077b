//! CooldownVaultNcnSlasherTicket: the vault's slasher admin starts cooling down an active
//! VaultNcnSlasherTicket.

use jito_vault_interface::error::VaultError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{vault_ncn_slasher_ticket_toggle::vault_ncn_slasher_ticket_toggle, Toggle};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_cooldown_vault_ncn_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    vault_ncn_slasher_ticket_toggle(
        program_id,
        accounts,
        data,
        true, // the ticket must be writable
        Toggle::Cooldown,
        VaultError::VaultNcnSlasherTicketFailedCooldown,
    )
}
