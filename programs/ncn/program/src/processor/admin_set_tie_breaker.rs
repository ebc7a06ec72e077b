//! `AdminSetTieBreaker` (tag 27): once voting has stalled for `epochs_before_stall` epochs
//! without consensus, the config's tie-breaker admin picks the winner among the ballots
//! operators voted for.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{BallotBox, Config, EpochState},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    address::address_eq,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[epoch_state (w), config, ballot_box (w), ncn, tie_breaker_admin (s)]`; data:
/// `weather_status: u8, epoch: u64`.
///
/// Checks in the template's order: the epoch state, the config, the ballot box, the NCN, the
/// admin signs and is the config's tie-breaker admin (`TieBreakerAdminInvalid`), then
/// `ConsensusAlreadyReached`, `VotingNotFinalized` (before epoch + `epochs_before_stall`),
/// `BadBallot`, `TieBreakerNotInPriorVotes`. The consensus result is not written, as in the
/// template.
pub fn process_admin_set_tie_breaker(
    program_id: &Address,
    accounts: &mut [AccountView],
    weather_status: u8,
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, box_info, ncn_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    BallotBox::load(program_id, box_info, ncn_key, epoch, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    load_signer(admin, false)?;
    // SAFETY: loaded above (this program's config of the right size); only read.
    let config = Config::from_bytes(unsafe { config_info.borrow_unchecked() })?;
    if unlikely(!address_eq(&config.tie_breaker_admin, admin.address())) {
        return Err(NcnProgramError::TieBreakerAdminInvalid.into());
    }

    let clock = Clock::get()?;
    let mut box_data = box_info.try_borrow_mut()?;
    let ballot_box = BallotBox::from_bytes_mut(&mut box_data)?;
    ballot_box.set_tie_breaker_ballot(weather_status, clock.epoch, config.epochs_before_stall())?;
    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?
        .update_set_tie_breaker(ballot_box.is_consensus_reached(), clock.slot);
    Ok(())
}
