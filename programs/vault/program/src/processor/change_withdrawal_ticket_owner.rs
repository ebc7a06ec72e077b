//! ChangeWithdrawalTicketOwner (tag 13): the staker of a withdrawal ticket hands
//! it to a new owner, who will receive the tokens when it is burned.

use jito_core::{
    account::{check_account_bound, load_bound_mut, AccountType},
    loader::load_signer,
};
use jito_vault_interface::state::{Config, Vault, VaultStakerWithdrawalTicket};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[config, vault, vault_staker_withdrawal_ticket (w), old_owner (s),
/// new_owner]`. No data.
pub fn process_change_withdrawal_ticket_owner(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, ticket_info, old_owner, new_owner] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // Address proven by the ticket's stored vault below (`check_account_bound`).
    check_account_bound::<Vault>(program_id, vault_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let ticket = unsafe {
        load_bound_mut::<VaultStakerWithdrawalTicket>(
            program_id,
            ticket_info,
            vault_info.address(),
            true,
        )
    }?;
    load_signer(old_owner, false)?;

    // SAFETY: checked above (owner, type, size); nothing in this instruction
    // borrows it mutably; a shared view, only read.
    unsafe { Vault::view(vault_info) }.check_is_paused()?;

    ticket.check_staker(old_owner.address())?;
    ticket.staker = *new_owner.address();
    Ok(())
}
