//! `CastVote` (tag 13): an operator's voter casts the operator's stake-weighted vote for a
//! weather status; at 2/3 of the epoch's stake weight the ballot wins and the consensus
//! result records it. Votes stay open for `valid_slots_after_consensus` slots after that.

use jito_core::{account::AccountType, loader::load_signer, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{Ballot, BallotBox, ConsensusResult, EpochState},
};
use pinocchio::{
    address::address_eq,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::checked;

/// Accounts: `[epoch_state (w), config, ballot_box (w), ncn, epoch_snapshot,
/// operator_snapshot, operator, operator_voter (s), consensus_result (w)]`; data:
/// `weather_status: u8, epoch: u64`.
///
/// Checks in the template's order: the voter signs, the epoch state (writable: the template
/// loads it read-only and writes it), the config, the NCN, the operator, the ballot box, the
/// epoch snapshot, the operator snapshot, the consensus result, the voter is the operator's
/// `voter` (`InvalidOperatorVoter`), the epoch snapshot is complete
/// (`EpochSnapshotNotFinalized`), the operator has stake (`CannotVoteWithZeroStake`), then the
/// ballot box rules (`VotingNotValid`, `BadBallot`, `OperatorAlreadyVoted`, ...).
pub fn process_cast_vote(
    program_id: &Address,
    accounts: &mut [AccountView],
    weather_status: u8,
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, box_info, ncn_info, snapshot_info, operator_snapshot, operator_info, voter, result_info, ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_signer(voter, false)?;
    let ncn_key = ncn_info.address();
    // Each account checked once, in the template's order, keeping its view.
    checked::epoch_state(program_id, state_info, ncn_key, epoch, true)?;
    let config = checked::config(program_id, config_info, ncn_key)?;
    checked::ncn(ncn_info)?;
    let operator = checked::operator(operator_info)?;
    checked::ballot_box(program_id, box_info, ncn_key, epoch, true)?;
    let snapshot = checked::epoch_snapshot(program_id, snapshot_info, ncn_key, epoch, false)?;
    let operator_weights = checked::operator_snapshot(
        program_id,
        operator_snapshot,
        operator_info.address(),
        ncn_key,
        epoch,
        false,
    )?
    .stake_weights;
    checked::consensus_result(program_id, result_info, ncn_key, epoch, true)?;

    if unlikely(!address_eq(&operator.voter, voter.address())) {
        return Err(NcnProgramError::InvalidOperatorVoter.into());
    }
    if unlikely(!snapshot.finalized()) {
        return Err(NcnProgramError::EpochSnapshotNotFinalized.into());
    }
    let total_stake_weight = snapshot.stake_weights.stake_weight();
    if unlikely(operator_weights.stake_weight() == 0) {
        return Err(NcnProgramError::CannotVoteWithZeroStake.into());
    }
    let slot = Clock::get()?.slot;

    // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
    // of it is alive (the views above are of other accounts, or no longer used).
    let ballot_box = unsafe { BallotBox::view_mut(box_info) };
    ballot_box.cast_vote(
        operator_info.address(),
        &Ballot::new(weather_status),
        &operator_weights,
        slot,
        config.valid_slots_after_consensus(),
    )?;
    ballot_box.tally_votes(total_stake_weight, slot)?;
    let consensus_reached = ballot_box.is_consensus_reached();
    if consensus_reached {
        let winner = ballot_box.winning_ballot_tally()?;
        // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
        // of it is alive (the views above are of other accounts, or no longer used).
        let result = unsafe { ConsensusResult::view_mut(result_info) };
        // `as u64` as in the template (stake weights above u64::MAX are truncated there).
        result.record_consensus(
            winner.ballot.weather_status,
            winner.stake_weights.stake_weight() as u64,
            total_stake_weight as u64,
            slot,
        );
    }
    // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
    // of it is alive (the views above are of other accounts, or no longer used).
    unsafe { EpochState::view_mut(state_info) }.update_cast_vote(
        ballot_box.operators_voted(),
        consensus_reached,
        slot,
    );
    Ok(())
}
