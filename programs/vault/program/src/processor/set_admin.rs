//! SetAdmin (tag 22): the vault admin hands over to a new admin; both sign.
//! Every secondary role held by the old admin moves to the new one.

use jito_core::{account::load_based_inlined_mut, loader::load_signer, Replace};
use jito_vault_interface::{
    error::{check_key_inlined, VaultError},
    state::{Config, Vault},
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[config, vault (w), old_admin (s), new_admin (s)]`.
pub fn process_set_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, old_admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // SAFETY: config and vault carry different discriminators, each checked
    // here, so the vault is a distinct account: its only view; no tracked
    // borrow is taken in this instruction (`check_bound_inlined`).
    let vault = unsafe { load_based_inlined_mut::<Vault>(program_id, vault_info, true) }?;
    load_signer(old_admin, false)?;
    load_signer(new_admin, false)?;

    // `check_admin` inlined.
    check_key_inlined::<{ VaultError::VaultAdminInvalid as u32 }>(
        &vault.admin,
        old_admin.address(),
    )?;
    // Both keys read once, as words, for the admin and every secondary role.
    let replace = Replace::new(old_admin.address(), new_admin.address());
    replace.store(&mut vault.admin);
    vault.replace_secondary_admins(&replace);
    Ok(())
}
