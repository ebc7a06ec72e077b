//! SetIsPaused (tag 19): the vault admin pauses or resumes the vault.

use jito_core::{account::load_mut, loader::load_signer};
use jito_vault_interface::{
    error::{check_key_inlined, VaultError},
    instruction::args,
    state::{Config, Vault},
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[config, vault (w), admin (s)]`. Data: `is_paused: bool`.
pub fn process_set_is_paused(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let is_paused = args::bool_exact(data)?;
    let [config_info, vault_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // SAFETY: config and vault carry different discriminators, each checked
    // here, so the vault is a distinct account: its only view.
    let vault = unsafe { load_mut::<Vault>(program_id, vault_info, true) }?;
    load_signer(admin, false)?;

    // `check_admin` inlined.
    check_key_inlined::<{ VaultError::VaultAdminInvalid as u32 }>(&vault.admin, admin.address())?;
    vault.set_is_paused(is_paused);
    Ok(())
}
