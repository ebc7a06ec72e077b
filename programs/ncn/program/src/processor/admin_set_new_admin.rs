//! `AdminSetNewAdmin` (tag 26): the NCN admin sets the config's tie-breaker admin.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{Config, ConfigAdminRole},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::ncn_program_admin::check_ncn_admin;

/// Accounts: `[config (w), ncn, ncn_admin (s, w), new_admin]`; data: `role: ConfigAdminRole`
/// (one byte, 0 = TieBreakerAdmin).
///
/// Checks in the template's order: the admin signs and is writable (as the template's
/// `load_signer(ncn_admin, true)`), the config, the NCN, the config's NCN (`IncorrectNcn`),
/// the NCN admin (`IncorrectNcnAdmin`). The new admin does not sign.
pub fn process_admin_set_new_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    role: ConfigAdminRole,
) -> ProgramResult {
    let [config_info, ncn_info, ncn_admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_signer(ncn_admin, true)?;
    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;

    let mut data = config_info.try_borrow_mut()?;
    let config = Config::from_bytes_mut(&mut data)?;
    if unlikely(!address_eq(&config.ncn, ncn_key)) {
        return Err(NcnProgramError::IncorrectNcn.into());
    }
    check_ncn_admin(ncn_info, ncn_admin)?;
    match role {
        ConfigAdminRole::TieBreakerAdmin => config.tie_breaker_admin = *new_admin.address(),
    }
    Ok(())
}
