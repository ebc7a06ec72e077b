//! `RegisterVault` (tag 3): anyone adds a vault the NCN has a ticket with to the vault
//! registry, if the registry lists the vault's stake-token mint.

use jito_core::{account::AccountType, unlikely};
use jito_ncn_interface::state::{Config, VaultRegistry};
use jito_restaking_interface::state::{Ncn, NcnVaultTicket};
use jito_vault_interface::state::vault::Vault;
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[config, vault_registry (w), ncn, vault, ncn_vault_ticket]`; no data.
///
/// Checks in the template's order: the config, the registry, the NCN, the vault, the NCN vault
/// ticket of the pair (its state is not checked, as in the template), then the vault's mint
/// must be listed (`InvalidAccountData`). A vault already registered is left as it is;
/// otherwise it takes the first free entry (`VaultRegistryListFull`).
pub fn process_register_vault(program_id: &Address, accounts: &mut [AccountView]) -> ProgramResult {
    let [config_info, registry_info, ncn_info, vault_info, ncn_vault_ticket] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, false)?;
    VaultRegistry::load(program_id, registry_info, ncn_key, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    Vault::load(&jito_vault_interface::ID, vault_info, false)?;
    NcnVaultTicket::load(
        &jito_restaking_interface::ID,
        ncn_vault_ticket,
        ncn_key,
        vault_info.address(),
        false,
    )?;
    let slot = Clock::get()?.slot;

    // SAFETY: loaded above (vault-program-owned vault of the right size); only read.
    let vault = Vault::from_bytes(unsafe { vault_info.borrow_unchecked() })?;
    let mut data = registry_info.try_borrow_mut()?;
    let registry = VaultRegistry::from_bytes_mut(&mut data)?;
    if unlikely(!registry.has_st_mint(&vault.supported_mint)) {
        return Err(ProgramError::InvalidAccountData);
    }
    registry.register_vault(
        vault_info.address(),
        &vault.supported_mint,
        vault.vault_index(),
        slot,
    )?;
    Ok(())
}
