//! `CooldownNcnVaultSlasherTicket` (tag 14): the NCN slasher admin starts
//! cooling down a slasher for a vault.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_restaking_interface::{
    error::RestakingError,
    state::{Config, Ncn, NcnVaultSlasherTicket},
    vault::load_vault,
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::no_args;

/// Accounts: `[config, ncn, vault, slasher, ncn_vault_slasher_ticket (w), admin (s)]`.
pub fn process_cooldown_ncn_vault_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, vault_info, slasher, ticket_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    Ncn::load(program_id, ncn_info, false)?;
    let config_data = config_info.try_borrow()?;
    let config = Config::from_bytes(&config_data)?;
    load_vault(&config.vault_program, vault_info, false)?;
    NcnVaultSlasherTicket::load(
        program_id,
        ticket_info,
        ncn_info.address(),
        vault_info.address(),
        slasher.address(),
        true,
    )?;
    load_signer(admin, false)?;

    Ncn::from_bytes(&ncn_info.try_borrow()?)?.check_slasher_admin(admin.address())?;

    let mut ticket_data = ticket_info.try_borrow_mut()?;
    let ticket = NcnVaultSlasherTicket::from_bytes_mut(&mut ticket_data)?;
    // Only an active ticket can start cooling down.
    if unlikely(
        !ticket
            .state
            .deactivate(Clock::get()?.slot, config.epoch_length())?,
    ) {
        return Err(RestakingError::NcnVaultSlasherTicketFailedCooldown.into());
    }
    Ok(())
}
