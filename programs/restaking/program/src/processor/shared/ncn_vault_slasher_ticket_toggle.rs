//! `WarmupNcnVaultSlasherTicket` / `CooldownNcnVaultSlasherTicket`: the NCN
//! slasher admin moves a slasher's ticket for a vault.

use jito_core::{
    account::{
        check_bound_inlined, load_account_bound_inlined, load_bound_inlined_mut, load_fixed_inlined,
    },
    loader::load_signer,
};
use jito_restaking_interface::{
    error::RestakingError,
    state::{Config, Ncn, NcnVaultSlasherTicket, NcnVaultTicket},
    vault::load_vault,
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use jito_core::args::no_args;

/// Accounts: `[config, ncn, vault, slasher, ncn_vault_ticket,
/// ncn_vault_slasher_ticket (w), admin (s)]` when `with_ncn_vault_ticket`,
/// else the same without `ncn_vault_ticket`.
///
/// `with_ncn_vault_ticket`: the original's warm-up takes the NCN vault ticket
/// and loads it after the vault (it only has to exist, its state is not
/// consulted); its cool-down does not take it.
///
/// Inlined into each instruction (its own copy, the direction and the
/// account list constants), with every account check inlined: the
/// instruction takes no tracked borrow, so the tickets' checks leave out the
/// borrow check ([`check_bound_inlined`]).
#[inline(always)]
pub fn ncn_vault_slasher_ticket_toggle(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
    with_ncn_vault_ticket: bool,
    toggle: Toggle,
    failed: RestakingError,
) -> ProgramResult {
    no_args(data)?;
    let (ncn_vault_ticket, [config_info, ncn_info, vault_info, slasher, ticket_info, admin]) =
        match (with_ncn_vault_ticket, accounts) {
            (true, [config, ncn, vault, slasher, ncn_vault_ticket, ticket, admin]) => (
                Some(&*ncn_vault_ticket),
                [config, ncn, vault, slasher, ticket, admin],
            ),
            (false, [config, ncn, vault, slasher, ticket, admin]) => {
                (None, [config, ncn, vault, slasher, ticket, admin])
            }
            _ => return Err(ProgramError::NotEnoughAccountKeys),
        };

    let config = load_fixed_inlined::<Config>(program_id, config_info, false)?;
    // Address proven by the first ticket's stored fields below (`check_account_bound`).
    let ncn = load_account_bound_inlined::<Ncn>(program_id, ncn_info, false)?;
    load_vault(&config.vault_program, vault_info, false)?;
    if let Some(ncn_vault_ticket_info) = ncn_vault_ticket {
        check_bound_inlined::<NcnVaultTicket>(
            program_id,
            ncn_vault_ticket_info,
            (ncn_info.address(), vault_info.address()),
            false,
        )?;
    }
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; no tracked
    // borrow is taken in this instruction.
    let ticket = unsafe {
        load_bound_inlined_mut::<NcnVaultSlasherTicket>(
            program_id,
            ticket_info,
            (ncn_info.address(), vault_info.address(), slasher.address()),
            true,
        )
    }?;
    load_signer(admin, false)?;

    ncn.check_slasher_admin(admin.address())?;
    toggle.apply(
        &mut ticket.state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
