//! `SetEpochWeights` (tag 6): anyone copies the vault registry's mint weights into the epoch's
//! weight table and records the progress in the epoch state.

use jito_core::{account::AccountType, unlikely};
use jito_ncn_interface::{
    constants::MAX_ST_MINTS,
    error::NcnProgramError,
    state::{EpochState, WeightTable},
};

use super::shared::checked;

use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[epoch_state (w), ncn, vault_registry, weight_table (w)]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state, the NCN, the weight table, the registry,
/// the table has a mint (`TableNotInitialized`) and is not finalized (`InvalidAccountData`);
/// then, mint by mint in registry order, a zero weight is `WeightNotSet` and a mint missing
/// from the table (listed after the table was made) `InvalidMintForWeightTable`. Every mint
/// is checked before the first weight is written.
pub fn process_set_epoch_weights(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, ncn_info, registry_info, table_info] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    // Each account checked once, in the template's order, keeping its view.
    checked::epoch_state(program_id, state_info, ncn_key, epoch, true)?;
    checked::ncn(ncn_info)?;
    checked::weight_table(program_id, table_info, ncn_key, epoch, true)?;
    let registry = checked::vault_registry(program_id, registry_info, ncn_key)?;

    let mut table_data = table_info.try_borrow_mut()?;
    let table = WeightTable::from_bytes_mut(&mut table_data)?;
    // One pass over the table for the template's three (`check_table_initialized`,
    // `finalized`, the counts for the epoch state): the mints stay, each weight set here for
    // the first time adds one to the weight count (the registry lists each mint once).
    let (mints, mut weights) = table.counts();
    if unlikely(mints == 0) {
        return Err(NcnProgramError::TableNotInitialized.into());
    }
    if unlikely(mints == weights && table.vault_count() == table.vault_entry_count() as u64) {
        return Err(ProgramError::InvalidAccountData);
    }
    // For each listed mint, in registry order: its registry index and its table entry, found
    // while checking (128 bytes of stack), so that the writes need no second registry pass.
    let mut targets = [(0u8, 0u8); MAX_ST_MINTS];
    let mut listed = 0usize;
    for (index, entry) in registry.st_mint_list.iter().enumerate() {
        // The listed mints are a prefix of the list (`vault_registry::st_mint_prefix`).
        if entry.is_empty() {
            break;
        }
        if unlikely(entry.weight() == 0) {
            return Err(NcnProgramError::WeightNotSet.into());
        }
        // `listed <= index < MAX_ST_MINTS`: in bounds, and both fit a u8.
        if let Some(target) = targets.get_mut(listed) {
            *target = (index as u8, table.entry_index(&entry.st_mint)? as u8);
        }
        listed = listed.wrapping_add(1);
    }
    let slot = Clock::get()?.slot;
    for &(index, target) in targets.get(..listed).unwrap_or_default() {
        let weight = registry.st_mint_list[index as usize].weight();
        let weight_entry = &mut table.table[target as usize];
        weights += !weight_entry.is_set() as usize;
        weight_entry.set_weight_at(weight, slot);
    }

    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?.update_set_weight(weights as u64, mints as u64);
    Ok(())
}
