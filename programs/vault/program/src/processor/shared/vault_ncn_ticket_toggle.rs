//! `WarmupVaultNcnTicket` / `CooldownVaultNcnTicket`: the vault's NCN admin
//! moves a `VaultNcnTicket` (cooling down works whether or not the NCN still
//! supports the vault).

use jito_core::{
    account::{
        check_account_bound_inlined, load_account_bound_inlined, load_bound_inlined_mut,
        load_fixed_inlined,
    },
    loader::load_signer,
};
use jito_vault_interface::{
    error::{check_key_inlined, VaultError},
    restaking::state::Ncn,
    state::{Config, Vault, VaultNcnTicket},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use jito_core::args::no_args;

/// Accounts: `[config, vault, ncn, vault_ncn_ticket (w), admin (s)]`.
pub fn vault_ncn_ticket_toggle(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
    toggle: Toggle,
    failed: VaultError,
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, ncn, vault_ncn_ticket, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed_inlined::<Config>(program_id, config_info, false)?;
    // Both addresses proven by the ticket's stored fields below (`check_account_bound`).
    let vault = load_account_bound_inlined::<Vault>(program_id, vault_info, false)?;
    check_account_bound_inlined::<Ncn>(&config.restaking_program, ncn, false)?;
    // SAFETY: config, vault, NCN and ticket carry different discriminators,
    // each checked here, so the ticket is a distinct account: its only view;
    // no tracked borrow is taken in this instruction (`check_bound_inlined`).
    let ticket = unsafe {
        load_bound_inlined_mut::<VaultNcnTicket>(
            program_id,
            vault_ncn_ticket,
            (vault_info.address(), ncn.address()),
            true,
        )
    }?;
    load_signer(admin, false)?;

    // `check_ncn_admin` inlined.
    check_key_inlined::<{ VaultError::VaultNcnAdminInvalid as u32 }>(
        &vault.ncn_admin,
        admin.address(),
    )?;
    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    toggle.apply(&mut ticket.state, slot, epoch_length, failed)
}
