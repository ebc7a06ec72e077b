//! `AdminSetWeight` (tag 28): the NCN's weight-table admin sets one mint's weight in the
//! epoch's weight table.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{EpochState, WeightTable},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    address::address_eq,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[epoch_state (w), ncn, weight_table (w), weight_table_admin (s, w)]`; data:
/// `st_mint: Pubkey, weight: u128, epoch: u64`.
///
/// Checks in the template's order: the NCN, the admin signs and is writable (the template's
/// `load_signer(admin, true)`), the epoch state, the weight table, the admin is the NCN's
/// `weight_table_admin` (`IncorrectWeightTableAdmin`), the table has a mint
/// (`TableNotInitialized`), is not finalized (`InvalidAccountData`) and lists the mint
/// (`InvalidMintForWeightTable`). A zero weight is accepted, as in the template.
pub fn process_admin_set_weight(
    program_id: &Address,
    accounts: &mut [AccountView],
    st_mint: &Address,
    weight: u128,
    epoch: u64,
) -> ProgramResult {
    let [state_info, ncn_info, table_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    load_signer(admin, true)?;
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    WeightTable::load(program_id, table_info, ncn_key, epoch, true)?;
    {
        // SAFETY: loaded above (restaking NCN of the right size); only read.
        let ncn = Ncn::from_bytes(unsafe { ncn_info.borrow_unchecked() })?;
        if unlikely(!address_eq(&ncn.weight_table_admin, admin.address())) {
            return Err(NcnProgramError::IncorrectWeightTableAdmin.into());
        }
    }

    let mut table_data = table_info.try_borrow_mut()?;
    let table = WeightTable::from_bytes_mut(&mut table_data)?;
    // One pass over the table for the template's three (`check_table_initialized`,
    // `finalized`, the counts for the epoch state): setting one weight leaves the mint count
    // and adds at most this entry to the weight count.
    let (mints, weights) = table.counts();
    if unlikely(mints == 0) {
        return Err(NcnProgramError::TableNotInitialized.into());
    }
    if unlikely(mints == weights && table.vault_count() == table.vault_entry_count() as u64) {
        return Err(ProgramError::InvalidAccountData);
    }
    let slot = Clock::get()?.slot;
    let entry = table.entry_mut(st_mint)?;
    let weights = weights + !entry.is_set() as usize;
    entry.set_weight_at(weight, slot);

    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?.update_set_weight(weights as u64, mints as u64);
    Ok(())
}
