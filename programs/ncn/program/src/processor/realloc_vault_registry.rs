//! `ReallocVaultRegistry` (tag 2): grows the vault registry by up to 10,240 bytes towards its
//! full size; once full size, writes its header, NCN, bump and empty entries (once).

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    constants::realloc_step,
    state::{Config, VaultRegistry},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::{account_payer::AccountPayer, pda::verify_owned_canonical_pda};

/// Accounts: `[config, vault_registry (w), ncn, account_payer (w), system_program]`; no data.
///
/// Checks in the template's order: the system program, the NCN, the config, the account
/// payer, the registry PDA (`InvalidSeeds`). The template does not check the registry's owner
/// (the runtime rejects growing an account of another program after the fact); this checks
/// it before paying (`InvalidAccountOwner`), so a wrong account costs the payer nothing.
/// Calling it on a full-size, initialized registry changes nothing, as in the template.
pub fn process_realloc_vault_registry(
    program_id: &Address,
    accounts: &mut [AccountView],
) -> ProgramResult {
    let [config_info, registry_info, ncn_info, account_payer, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, false)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        let bump =
            verify_owned_canonical_pda(registry_info, &VaultRegistry::seeds(ncn_key), program_id)
                .map_err(|_| ProgramError::InvalidSeeds)?;
        if unlikely(!registry_info.owned_by(program_id)) {
            return Err(ProgramError::InvalidAccountOwner);
        }

        let size = registry_info.data_len();
        if size < VaultRegistry::LEN {
            let new_size =
                realloc_step(size, VaultRegistry::LEN).ok_or(ProgramError::ArithmeticOverflow)?;
            payer.realloc(ncn_key, registry_info, new_size)?;
        } else {
            // The payer does not sign: its curve check (`AccountPayer::load_signing`).
            payer.check_unsigned()?;
        }

        if registry_info.data_len() >= VaultRegistry::LEN {
            let mut data = registry_info.try_borrow_mut()?;
            if data[0] != VaultRegistry::DISCRIMINATOR {
                VaultRegistry::init(&mut data)?.initialize(ncn_key, bump);
            }
        }
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}
