//! `WarmupVaultNcnSlasherTicket` / `CooldownVaultNcnSlasherTicket`: the
//! vault's slasher admin moves a `VaultNcnSlasherTicket`.

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

    let config = load_fixed_inlined::<Config>(program_id, config_info, false)?;
    // Both addresses proven by the ticket's stored fields below (`check_account_bound`).
    let vault = load_account_bound_inlined::<Vault>(program_id, vault_info, false)?;
    check_account_bound_inlined::<Ncn>(&config.restaking_program, ncn, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; no tracked
    // borrow is taken in this instruction (`check_bound_inlined`).
    let ticket = unsafe {
        load_bound_inlined_mut::<VaultNcnSlasherTicket>(
            program_id,
            vault_ncn_slasher_ticket,
            (vault_info.address(), ncn.address(), slasher.address()),
            ticket_must_be_writable,
        )
    }?;
    load_signer(admin, false)?;

    // `check_slasher_admin` inlined.
    check_key_inlined::<{ VaultError::VaultSlasherAdminInvalid as u32 }>(
        &vault.slasher_admin,
        admin.address(),
    )?;
    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    toggle.apply(&mut ticket.state, slot, epoch_length, failed)
}
