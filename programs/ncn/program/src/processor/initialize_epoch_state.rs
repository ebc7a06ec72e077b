//! `InitializeEpochState` (tag 4): starts an epoch's lifecycle by creating its epoch state at
//! `["epoch_state", ncn, epoch]`, paid by the account payer.

use jito_core::{
    account::AccountType,
    loader::{load_system_account, load_system_program},
    unlikely,
};
use jito_ncn_interface::state::{epoch_state, EpochState};

use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{
    account_payer::AccountPayer, checked, pda::check_marker_dne, pda::verify_new_ncn_epoch_pda,
};

/// Accounts: `[epoch_marker, epoch_state (w), config, ncn, account_payer (w),
/// system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch is not in the future (`InvalidArgument`), the
/// epoch state is a fresh system account, the system program, the NCN, the config, the
/// account payer, the epoch marker is the marker PDA (`InvalidSeeds`) and empty
/// (`MarkerExists`), the epoch is not before the config's `starting_valid_epoch`
/// (`InvalidArgument`), the epoch state PDA (`InvalidSeeds`).
pub fn process_initialize_epoch_state(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, config_info, ncn_info, account_payer, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let clock = Clock::get()?;
    if unlikely(epoch > clock.epoch) {
        return Err(ProgramError::InvalidArgument);
    }
    load_system_account(state_info, true)?;
    load_system_program(system_program)?;
    checked::ncn(ncn_info)?;
    let ncn_key = ncn_info.address();
    let config = checked::config(program_id, config_info, ncn_key)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        if unlikely(config.starting_valid_epoch() > epoch) {
            return Err(ProgramError::InvalidArgument);
        }
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_new_ncn_epoch_pda(
            state_info.address(),
            EpochState::seeds(ncn_key, &epoch_bytes)[0],
            ncn_key,
            &epoch_bytes,
            program_id,
        )
        .map_err(|_| ProgramError::InvalidSeeds)?;

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            state_info,
            program_id,
            EpochState::LEN,
            &[
                Seed::from(epoch_state::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&bump_seed),
            ],
        )?;

        let mut data = state_info.try_borrow_mut()?;
        EpochState::init(&mut data)?.initialize(ncn_key, epoch, bump, clock.slot);
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}
