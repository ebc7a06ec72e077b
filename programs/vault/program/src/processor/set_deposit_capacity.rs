//! SetDepositCapacity (tag 15): the vault capacity admin caps MintTo deposits.

use jito_core::{account::load_mut, loader::load_signer};
use jito_vault_interface::{
    error::{check_key_inlined, VaultError},
    instruction::args,
    state::{Config, Vault},
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[config, vault (w), capacity_admin (s)]`. Data: `amount: u64`.
pub fn process_set_deposit_capacity(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let capacity = args::u64_exact(data)?;
    let [config_info, vault_info, capacity_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_mut::<Vault>(program_id, vault_info, true) }?;
    load_signer(capacity_admin, false)?;

    // `check_capacity_admin` inlined.
    check_key_inlined::<{ VaultError::VaultCapacityAdminInvalid as u32 }>(
        &vault.capacity_admin,
        capacity_admin.address(),
    )?;
    vault.set_deposit_capacity(capacity);
    Ok(())
}
