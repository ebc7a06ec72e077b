//! SetIsPaused (tag 19): the vault admin pauses or resumes the vault.

use jito_core::{account::AccountType, loader::load_signer};
use jito_vault_interface::{
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
    Vault::load(program_id, vault_info, true)?;
    load_signer(admin, false)?;

    // SAFETY: checked by its load above; the only view of it here.
    let vault = unsafe { Vault::view_mut(vault_info) };
    vault.check_admin(admin.address())?;
    vault.set_is_paused(is_paused);
    Ok(())
}
