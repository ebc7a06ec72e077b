//! `AdminSetStMint` (tag 30): the NCN program admin changes the weight of a listed mint.

use jito_core::{account::AccountType, loader::load_signer};
use jito_ncn_interface::state::{Config, VaultRegistry};
use jito_restaking_interface::state::Ncn;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::ncn_program_admin::check_ncn_program_admin;

/// Accounts: `[config, ncn, vault_registry (w), admin (s)]`; data: `st_mint: Pubkey,
/// weight: Option<u128>`.
///
/// Checks in the template's order: the config, the registry, the NCN, the admin's signature,
/// the admin is the NCN's `ncn_program_admin` (`InvalidAccountData`); then
/// `MintEntryNotFound`, and `WeightNotSet` if the resulting weight is zero. `None` keeps the
/// stored weight.
pub fn process_admin_set_st_mint(
    program_id: &Address,
    accounts: &mut [AccountView],
    st_mint: &Address,
    weight: Option<u128>,
) -> ProgramResult {
    let [config_info, ncn_info, registry_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, false)?;
    VaultRegistry::load(program_id, registry_info, ncn_key, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    load_signer(admin, false)?;
    check_ncn_program_admin(ncn_info, admin)?;

    let mut data = registry_info.try_borrow_mut()?;
    VaultRegistry::from_bytes_mut(&mut data)?.set_st_mint(st_mint, weight)?;
    Ok(())
}
