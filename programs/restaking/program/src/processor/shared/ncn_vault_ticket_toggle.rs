//! `WarmupNcnVaultTicket` / `CooldownNcnVaultTicket`: the NCN vault admin
//! moves the NCN's opt-in to a vault.

use jito_core::{
    account::{load_account_bound_inlined, load_bound_inlined_mut, load_fixed_inlined},
    loader::load_signer,
};
use jito_restaking_interface::{
    error::RestakingError,
    state::{Config, Ncn, NcnVaultTicket},
    vault::load_vault,
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use jito_core::args::no_args;

/// Accounts: `[config, ncn, vault, ncn_vault_ticket (w), admin (s)]`.
///
/// `load_vault_account`: whether the vault account itself is loaded (owner
/// and type) after the NCN. The original does so when warming up only; when
/// cooling down only the vault's address is checked, through the ticket's PDA.
pub fn ncn_vault_ticket_toggle(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
    load_vault_account: bool,
    toggle: Toggle,
    failed: RestakingError,
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, vault_info, ticket_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed_inlined::<Config>(program_id, config_info, false)?;
    // Address proven by the ticket's stored fields below (`check_account_bound`).
    let ncn = load_account_bound_inlined::<Ncn>(program_id, ncn_info, false)?;
    if load_vault_account {
        load_vault(&config.vault_program, vault_info, false)?;
    }
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; no tracked
    // borrow is taken in this instruction (`check_bound_inlined`).
    let ticket = unsafe {
        load_bound_inlined_mut::<NcnVaultTicket>(
            program_id,
            ticket_info,
            (ncn_info.address(), vault_info.address()),
            true,
        )
    }?;
    load_signer(admin, false)?;

    ncn.check_vault_admin(admin.address())?;
    toggle.apply(
        &mut ticket.state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
