//! CooldownVaultNcnSlasherTicket: the vault's slasher admin starts cooling down an active
//! VaultNcnSlasherTicket.

use jito_core::{account::AccountType, loader::load_signer};
use jito_vault_interface::{
    error::VaultError,
    restaking::state::Ncn,
    state::{Config, Vault, VaultNcnSlasherTicket},
};
use pinocchio::{
    error::ProgramError,
    hint::unlikely,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_cooldown_vault_ncn_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    super::no_args(data)?;
    let [config_info, vault_info, ncn, slasher, vault_ncn_slasher_ticket, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    let config_data = config_info.try_borrow()?;
    let config = Config::from_bytes(&config_data)?;
    Vault::load(program_id, vault_info, false)?;
    Ncn::load(&config.restaking_program, ncn, false)?;
    VaultNcnSlasherTicket::load(
        program_id,
        vault_ncn_slasher_ticket,
        vault_info.address(),
        ncn.address(),
        slasher.address(),
        true,
    )?;
    load_signer(admin, false)?;

    let vault_data = vault_info.try_borrow()?;
    let vault = Vault::from_bytes(&vault_data)?;
    vault.check_slasher_admin(admin.address())?;
    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    let mut ticket_data = vault_ncn_slasher_ticket.try_borrow_mut()?;
    let ticket = VaultNcnSlasherTicket::from_bytes_mut(&mut ticket_data)?;
    if unlikely(!ticket.state.deactivate(slot, epoch_length)?) {
        return Err(VaultError::VaultNcnSlasherTicketFailedCooldown.into());
    }
    Ok(())
}
