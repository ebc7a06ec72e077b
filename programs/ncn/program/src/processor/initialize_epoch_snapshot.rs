//! `InitializeEpochSnapshot` (tag 8): once the epoch's weight table is finalized, creates the
//! epoch snapshot at `["epoch_snapshot", ncn, epoch]` with the NCN's operator count, the
//! table's vault count and the fees in force for the epoch.

use jito_core::{
    account::AccountType,
    loader::{load_system_account, load_system_program},
    unlikely,
};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{epoch_snapshot, EpochSnapshot, EpochState},
};
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{
    account_payer::AccountPayer, checked, pda::check_marker_dne, pda::verify_new_ncn_epoch_pda,
};

/// Accounts: `[epoch_marker, epoch_state (w), config, ncn, weight_table, epoch_snapshot (w),
/// account_payer (w), system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state (readable, not closing, loaded writable),
/// the config, the NCN, the account payer, the epoch marker (`InvalidSeeds`, `MarkerExists`),
/// the snapshot is a fresh system account, the system program, the weight table, which must
/// be finalized (`WeightTableNotFinalized`), the snapshot PDA (`InvalidAccountData`), the NCN
/// has operators (`NoOperators`; the template checks this after creating the account, and its
/// failure undoes the creation).
pub fn process_initialize_epoch_snapshot(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, config_info, ncn_info, table_info, snapshot_info, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    checked::epoch_state_not_closing(program_id, state_info, ncn_key, epoch, true)?;
    let config = checked::config(program_id, config_info, ncn_key)?;
    let ncn = checked::ncn(ncn_info)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        load_system_account(snapshot_info, true)?;
        load_system_program(system_program)?;
        let slot = Clock::get()?.slot;
        let table = checked::weight_table(program_id, table_info, ncn_key, epoch, false)?;
        if unlikely(!table.finalized()) {
            return Err(NcnProgramError::WeightTableNotFinalized.into());
        }
        let vault_count = table.vault_count();
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_new_ncn_epoch_pda(
            snapshot_info.address(),
            EpochSnapshot::seeds(ncn_key, &epoch_bytes)[0],
            ncn_key,
            &epoch_bytes,
            program_id,
        )?;
        let operator_count = ncn.operator_count();
        if unlikely(operator_count == 0) {
            return Err(NcnProgramError::NoOperators.into());
        }

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            snapshot_info,
            program_id,
            EpochSnapshot::LEN,
            &[
                Seed::from(epoch_snapshot::EPOCH_SNAPSHOT_SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&bump_seed),
            ],
        )?;

        let mut snapshot_data = snapshot_info.try_borrow_mut()?;
        EpochSnapshot::init(&mut snapshot_data)?.initialize(
            ncn_key,
            epoch,
            bump,
            slot,
            operator_count,
            vault_count,
            config.fee_config.current_fees(epoch),
        );
        let mut state_data = state_info.try_borrow_mut()?;
        EpochState::from_bytes_mut(&mut state_data)?
            .update_initialize_epoch_snapshot(operator_count);
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}
