//! `AdminRegisterStMint` (tag 29): the NCN program admin lists a stake-token mint with its
//! weight in the vault registry.

use jito_core::{
    account::AccountType,
    loader::{load_signer, load_token_mint},
};
use jito_ncn_interface::state::{Config, VaultRegistry};
use jito_restaking_interface::state::Ncn;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::ncn_program_admin::check_ncn_program_admin;

/// Accounts: `[config, ncn, st_mint, vault_registry (w), admin (s)]`; data:
/// `weight: Option<u128>`.
///
/// Checks in the template's order: the config, the registry, the NCN, the mint (an SPL Token
/// mint), the admin's signature, the admin is the NCN's `ncn_program_admin`
/// (`InvalidAccountData`); then `MintInTable`, `VaultRegistryListFull`, and `WeightNotSet`
/// for a missing or zero weight. The template marks the admin writable but does not check it.
pub fn process_admin_register_st_mint(
    program_id: &Address,
    accounts: &mut [AccountView],
    weight: Option<u128>,
) -> ProgramResult {
    let [config_info, ncn_info, st_mint, registry_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, false)?;
    VaultRegistry::load(program_id, registry_info, ncn_key, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    load_token_mint(st_mint)?;
    load_signer(admin, false)?;
    check_ncn_program_admin(ncn_info, admin)?;

    let mut data = registry_info.try_borrow_mut()?;
    VaultRegistry::from_bytes_mut(&mut data)?
        .register_st_mint(st_mint.address(), weight.unwrap_or(0))?;
    Ok(())
}
