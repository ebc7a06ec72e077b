//! `AdminSetParameters` (tag 25): the NCN admin changes the config's timing parameters.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_ncn_interface::{
    constants::{
        MAX_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE, MAX_EPOCHS_BEFORE_STALL,
        MAX_VALID_SLOTS_AFTER_CONSENSUS, MIN_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
        MIN_EPOCHS_BEFORE_STALL, MIN_VALID_SLOTS_AFTER_CONSENSUS,
    },
    error::NcnProgramError,
    state::Config,
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::ncn_program_admin::check_ncn_admin;

/// `value`, if given, lies in `min..=max`, else `error`.
#[inline(always)]
fn check_range(value: Option<u64>, min: u64, max: u64, error: NcnProgramError) -> ProgramResult {
    match value {
        Some(v) if unlikely(!(min..=max).contains(&v)) => Err(error.into()),
        _ => Ok(()),
    }
}

/// Accounts: `[config (w), ncn, ncn_admin (s, w)]`; data: four `Option<u64>`:
/// `starting_valid_epoch, epochs_before_stall, epochs_after_consensus_before_close,
/// valid_slots_after_consensus`.
///
/// Checks in the template's order: the admin signs and is writable (the template's
/// `load_signer(ncn_admin, true)`, although its IDL marks it read-only), the config, the NCN,
/// the NCN admin (`IncorrectNcnAdmin`), the config's NCN (`IncorrectNcn`), then each given
/// value's range (`InvalidEpochsBeforeStall`, `InvalidEpochsBeforeClose`,
/// `InvalidSlotsAfterConsensus`; `starting_valid_epoch` is free). All values are checked
/// before the first is written; the template writes as it goes, but a failure undoes it.
pub fn process_admin_set_parameters(
    program_id: &Address,
    accounts: &mut [AccountView],
    starting_valid_epoch: Option<u64>,
    epochs_before_stall: Option<u64>,
    epochs_after_consensus_before_close: Option<u64>,
    valid_slots_after_consensus: Option<u64>,
) -> ProgramResult {
    let [config_info, ncn_info, ncn_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_signer(ncn_admin, true)?;
    let ncn_key = ncn_info.address();
    Config::load(program_id, config_info, ncn_key, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    check_ncn_admin(ncn_info, ncn_admin)?;

    let mut data = config_info.try_borrow_mut()?;
    let config = Config::from_bytes_mut(&mut data)?;
    if unlikely(!address_eq(&config.ncn, ncn_key)) {
        return Err(NcnProgramError::IncorrectNcn.into());
    }
    check_range(
        epochs_before_stall,
        MIN_EPOCHS_BEFORE_STALL,
        MAX_EPOCHS_BEFORE_STALL,
        NcnProgramError::InvalidEpochsBeforeStall,
    )?;
    check_range(
        epochs_after_consensus_before_close,
        MIN_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
        MAX_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
        NcnProgramError::InvalidEpochsBeforeClose,
    )?;
    check_range(
        valid_slots_after_consensus,
        MIN_VALID_SLOTS_AFTER_CONSENSUS,
        MAX_VALID_SLOTS_AFTER_CONSENSUS,
        NcnProgramError::InvalidSlotsAfterConsensus,
    )?;

    if let Some(epoch) = starting_valid_epoch {
        config.set_starting_valid_epoch(epoch);
    }
    if let Some(epochs) = epochs_before_stall {
        config.set_epochs_before_stall(epochs);
    }
    if let Some(epochs) = epochs_after_consensus_before_close {
        config.set_epochs_after_consensus_before_close(epochs);
    }
    if let Some(slots) = valid_slots_after_consensus {
        config.set_valid_slots_after_consensus(slots);
    }
    Ok(())
}
