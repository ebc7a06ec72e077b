//! `CooldownNcnVaultTicket` (tag 8): the NCN vault admin starts cooling down
//! the NCN's opt-in to a vault.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_restaking_interface::{
    error::RestakingError,
    state::{Config, Ncn, NcnVaultTicket},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::no_args;

/// Accounts: `[config, ncn, vault, ncn_vault_ticket (w), admin (s)]`.
///
/// As in the original, the vault account itself is not loaded: only its
/// address, through the ticket's PDA, is checked.
pub fn process_cooldown_ncn_vault_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, vault_info, ticket_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    Ncn::load(program_id, ncn_info, false)?;
    NcnVaultTicket::load(
        program_id,
        ticket_info,
        ncn_info.address(),
        vault_info.address(),
        true,
    )?;
    load_signer(admin, false)?;

    Ncn::from_bytes(&ncn_info.try_borrow()?)?.check_vault_admin(admin.address())?;

    let config_data = config_info.try_borrow()?;
    let config = Config::from_bytes(&config_data)?;
    let mut ticket_data = ticket_info.try_borrow_mut()?;
    let ticket = NcnVaultTicket::from_bytes_mut(&mut ticket_data)?;
    // Only an active ticket can start cooling down.
    if unlikely(
        !ticket
            .state
            .deactivate(Clock::get()?.slot, config.epoch_length())?,
    ) {
        return Err(RestakingError::NcnVaultTicketFailedCooldown.into());
    }
    Ok(())
}
