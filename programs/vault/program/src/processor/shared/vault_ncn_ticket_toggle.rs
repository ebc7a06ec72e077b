//! `WarmupVaultNcnTicket` / `CooldownVaultNcnTicket`: the vault's NCN admin
//! moves a `VaultNcnTicket` (cooling down works whether or not the NCN still
//! supports the vault).

use jito_core::{
    account::{check_account_bound, AccountType},
    loader::load_signer,
};
use jito_vault_interface::{
    error::VaultError,
    restaking::state::Ncn,
    state::{Config, Vault, VaultNcnTicket},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use crate::processor::no_args;

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

    Config::load(program_id, config_info, false)?;
    // Both addresses proven by the ticket's PDA below (`check_account_bound`).
    check_account_bound::<Vault>(program_id, vault_info, false)?;
    let config_data = config_info.try_borrow()?;
    let config = Config::from_bytes(&config_data)?;
    check_account_bound::<Ncn>(&config.restaking_program, ncn, false)?;
    VaultNcnTicket::load(
        program_id,
        vault_ncn_ticket,
        vault_info.address(),
        ncn.address(),
        true,
    )?;
    load_signer(admin, false)?;

    let vault_data = vault_info.try_borrow()?;
    let vault = Vault::from_bytes(&vault_data)?;
    vault.check_ncn_admin(admin.address())?;
    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    let mut ticket_data = vault_ncn_ticket.try_borrow_mut()?;
    let ticket = VaultNcnTicket::from_bytes_mut(&mut ticket_data)?;
    toggle.apply(&mut ticket.state, slot, epoch_length, failed)
}
