//! `InitializeVaultRegistry` (tag 1): creates the NCN's vault registry at
//! `["vault_registry", ncn]` with its first 10,240 bytes, zeroed and without header;
//! `ReallocVaultRegistry` grows it to full size and initializes it.

use jito_core::loader::{load_system_account, load_system_program};
use jito_ncn_interface::pda::verify_new_canonical_pda;
use jito_ncn_interface::{
    constants::MAX_REALLOC_BYTES,
    state::{vault_registry, Config, VaultRegistry},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{cpi::Seed, error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::account_payer::AccountPayer;

/// Accounts: `[config, vault_registry (w), ncn, account_payer (w), system_program]`; no data.
///
/// Checks in the template's order: the registry is a fresh system account, the system program,
/// the NCN, the config, the account payer, the registry PDA (`InvalidSeeds`).
pub fn process_initialize_vault_registry(
    program_id: &Address,
    accounts: &mut [AccountView],
) -> ProgramResult {
    let [config_info, registry_info, ncn_info, account_payer, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_account(registry_info, true)?;
    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, false)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let rest = || -> ProgramResult {
        let bump = verify_new_canonical_pda(
            registry_info.address(),
            &VaultRegistry::seeds(ncn_key),
            program_id,
        )
        .map_err(|_| ProgramError::InvalidSeeds)?;

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            registry_info,
            program_id,
            MAX_REALLOC_BYTES as usize,
            &[
                Seed::from(vault_registry::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&bump_seed),
            ],
        )
    };
    rest().map_err(|err| payer.settle(err))
}
