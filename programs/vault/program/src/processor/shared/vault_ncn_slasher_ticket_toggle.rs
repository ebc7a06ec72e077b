//! `WarmupVaultNcnSlasherTicket` / `CooldownVaultNcnSlasherTicket`: the
//! vault's slasher admin moves a `VaultNcnSlasherTicket`.

use jito_core::{
    account::{check_account_bound, AccountType},
    loader::load_signer,
};
use jito_vault_interface::{
    error::VaultError,
    restaking::state::Ncn,
    state::{Config, Vault, VaultNcnSlasherTicket},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use jito_core::args::no_args;

/// Accounts: `[config, vault, ncn, slasher, vault_ncn_slasher_ticket (w), admin (s)]`.
///
/// `ticket_must_be_writable`: whether loading the ticket checks that it is
/// writable. The original checks it when cooling down only; when warming up a
/// read-only ticket passes the checks and the runtime then refuses the write.
pub fn vault_ncn_slasher_ticket_toggle(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
    ticket_must_be_writable: bool,
    toggle: Toggle,
    failed: VaultError,
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, ncn, slasher, vault_ncn_slasher_ticket, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // SAFETY: checked by `Config::load` above; never viewed mutably here.
    let config = unsafe { Config::view(config_info) };
    // Both addresses proven by the ticket's stored fields below (`check_account_bound`).
    check_account_bound::<Vault>(program_id, vault_info, false)?;
    check_account_bound::<Ncn>(&config.restaking_program, ncn, false)?;
    VaultNcnSlasherTicket::load(
        program_id,
        vault_ncn_slasher_ticket,
        vault_info.address(),
        ncn.address(),
        slasher.address(),
        ticket_must_be_writable,
    )?;
    load_signer(admin, false)?;

    // SAFETY: config, vault and ticket carry different discriminators, each
    // checked above, so they are distinct accounts; each is viewed once and only
    // the ticket mutably.
    let vault = unsafe { Vault::view(vault_info) };
    vault.check_slasher_admin(admin.address())?;
    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    // SAFETY: see above.
    let ticket = unsafe { VaultNcnSlasherTicket::view_mut(vault_ncn_slasher_ticket) };
    toggle.apply(&mut ticket.state, slot, epoch_length, failed)
}
