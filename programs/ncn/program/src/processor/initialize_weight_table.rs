//! `InitializeWeightTable` (tag 5): creates an epoch's weight table at
//! `["weight_table", ncn, epoch]` with its first 10,240 bytes, zeroed and without header;
//! `ReallocWeightTable` grows it and copies the vault registry into it.

use jito_core::{
    loader::{load_system_account, load_system_program},
    unlikely,
};
use jito_ncn_interface::{
    constants::MAX_REALLOC_BYTES,
    state::{weight_table, WeightTable},
};

use pinocchio::{cpi::Seed, error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::{
    account_payer::AccountPayer, checked, pda::check_marker_dne, pda::verify_new_ncn_epoch_pda,
};

/// Accounts: `[epoch_marker, epoch_state, vault_registry, ncn, weight_table (w),
/// account_payer (w), system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state (readable as one, `InvalidAccountData`;
/// not closing, `EpochIsClosingDown`; then loaded), the vault registry, the NCN, the account
/// payer, the epoch marker (`InvalidSeeds`, `MarkerExists`), the weight table is a fresh system
/// account, the system program, the NCN's vault count equals the registry's
/// (`InvalidAccountData`), the weight table PDA (`InvalidAccountData`).
pub fn process_initialize_weight_table(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, registry_info, ncn_info, table_info, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    checked::epoch_state_not_closing(program_id, state_info, ncn_key, epoch, false)?;
    let registry = checked::vault_registry(program_id, registry_info, ncn_key)?;
    let ncn = checked::ncn(ncn_info)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let rest = || -> ProgramResult {
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        load_system_account(table_info, true)?;
        load_system_program(system_program)?;
        if unlikely(ncn.vault_count() != registry.vault_count()) {
            return Err(ProgramError::InvalidAccountData);
        }
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_new_ncn_epoch_pda(
            table_info.address(),
            WeightTable::seeds(ncn_key, &epoch_bytes)[0],
            ncn_key,
            &epoch_bytes,
            program_id,
        )?;

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            table_info,
            program_id,
            MAX_REALLOC_BYTES as usize,
            &[
                Seed::from(weight_table::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&bump_seed),
            ],
        )
    };
    rest().map_err(|err| payer.settle(err))
}
