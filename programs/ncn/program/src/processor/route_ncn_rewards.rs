//! `RouteNCNRewards` (tag 16): once voting is over, routes the lamports that arrived in the
//! NCN reward receiver: the protocol's and the NCN's fees, then the rest among the operators
//! that voted for the winning ballot, by stake weight (in steps of `max_iterations`
//! operators).

use jito_core::{account::AccountType, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{BallotBox, Config, EpochSnapshot, EpochState, NcnRewardRouter},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::reward_receiver::load_ncn_reward_receiver;

/// Accounts: `[epoch_state (w), config, ncn, epoch_snapshot, ballot_box, ncn_reward_router
/// (w), ncn_reward_receiver (w)]`; data: `max_iterations: u16, epoch: u64`.
///
/// Checks in the template's order: the epoch state, the config, the NCN, the epoch snapshot,
/// the router, the ballot box, the receiver, voting is over (`VotingIsNotOver`: no winner yet,
/// or within `valid_slots_after_consensus`), then the arithmetic (`ArithmeticUnderflowError`
/// when the receiver holds less than the router's rewards plus its rent exemption),
/// `ConsensusNotReached`, `OperatorRewardListFull`.
pub fn process_route_ncn_rewards(
    program_id: &Address,
    accounts: &mut [AccountView],
    max_iterations: u16,
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, ncn_info, snapshot_info, box_info, router_info, receiver] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    EpochSnapshot::load(program_id, snapshot_info, ncn_key, epoch, false)?;
    NcnRewardRouter::load(program_id, router_info, ncn_key, epoch, true)?;
    BallotBox::load(program_id, box_info, ncn_key, epoch, false)?;
    load_ncn_reward_receiver(program_id, receiver, ncn_key, epoch, true)?;

    // SAFETY (snapshot, ballot box, config): loaded above (right owner and size); only read.
    let snapshot = EpochSnapshot::from_bytes(unsafe { snapshot_info.borrow_unchecked() })?;
    let ballot_box = BallotBox::from_bytes(unsafe { box_info.borrow_unchecked() })?;
    let config = Config::from_bytes(unsafe { config_info.borrow_unchecked() })?;
    let slot = Clock::get()?.slot;
    if unlikely(ballot_box.is_voting_valid(slot, config.valid_slots_after_consensus())?) {
        return Err(NcnProgramError::VotingIsNotOver.into());
    }
    let balance = receiver.lamports();
    let rent_exemption = Rent::get()?.try_minimum_balance(0)?;

    let mut router_data = router_info.try_borrow_mut()?;
    let router = NcnRewardRouter::from_bytes_mut(&mut router_data)?;
    if !router.still_routing() {
        router.route_incoming_rewards(rent_exemption, balance)?;
        router.route_reward_pool(&snapshot.fees)?;
    }
    router.route_operator_vault_rewards(ballot_box, max_iterations)?;

    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?.update_route_ncn_rewards(
        router.ncn_rewards(),
        router.protocol_rewards(),
        router.total_rewards(),
    );
    Ok(())
}
