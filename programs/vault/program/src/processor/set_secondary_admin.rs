//! SetSecondaryAdmin (tag 23): the vault admin assigns one secondary role.

use jito_core::{account::load_mut, loader::load_signer};
use jito_vault_interface::{
    error::{check_key_inlined, VaultError},
    instruction::{args, VaultAdminRole},
    state::{Config, Vault},
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[config, vault (w), admin (s), new_admin]`. Data: `role: VaultAdminRole`.
pub fn process_set_secondary_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let role = VaultAdminRole::try_from(args::u8_exact(data)?)?;
    let [config_info, vault_info, admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_mut::<Vault>(program_id, vault_info, true) }?;
    load_signer(admin, false)?;

    // `check_admin` inlined.
    check_key_inlined::<{ VaultError::VaultAdminInvalid as u32 }>(&vault.admin, admin.address())?;
    *vault.secondary_admin_mut(role) = *new_admin.address();
    Ok(())
}
